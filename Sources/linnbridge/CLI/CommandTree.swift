/// Every command, in one tree; help, usage and dispatch are generated from it.
enum CommandTree {
    static let root = Command(
        name: "linnbridge",
        abstract: "CSV drop folders to Linnworks and back.",
        discussion: """
        Stock snapshots and shipment files dropped by 3PLs, cron jobs and spreadsheets are
        validated, applied to Linnworks, and answered with per-row error reports and exports.
        """,
        subcommands: [demo, watch, importGroup, check, export, sandbox])

    static let demo = Command(
        name: "demo", abstract: "Run the whole job once on the embedded sandbox, and say what happened.",
        discussion: "Run it from the repository's top folder: it uses the files in samples/.",
        run: { parsed, context in await DemoCommand.run(parsed, context) })

    static let watch = Command(
        name: "watch", abstract: "Watch a drop folder and apply what lands in it.",
        usage: "[--root <dir>] [--once] [--sandbox] [--poll <seconds>]",
        discussion: """
        Files in inbox/stock/ and inbox/shipments/ are taken when renamed in, or when their size and
        time have held for the settle time; they end in archive/<date>/ or errors/. SIGTERM or Ctrl-C
        stops new files and calls, gives calls in flight 8 s, and exits 0; a second signal exits at
        once. Claimed files resume after their last confirmed batch. The daemon exits by itself only
        with 77, 78 or 73.
        """,
        options: WatchCommand.options,
        run: { parsed, context in await WatchCommand.run(parsed, context) })

    static let importGroup = Command(
        name: "import", abstract: "Apply stock or shipment files once.",
        subcommands: [
            Command(name: "stock", abstract: "Set stock levels from stock snapshot files.",
                    usage: "[--root <dir>] [--errors <dir>] <file> ...",
                    discussion: "Waits while the watcher of the drop root (--root, default ./watch) applies a stock file.",
                    options: [FeedCommand.rootOption, FeedCommand.errorsOption],
                    validate: FeedCommand.requireFiles,
                    run: { parsed, context in await FeedCommand.run(.stock, mode: .apply, parsed, context) }),
            Command(name: "shipments", abstract: "Set tracking numbers and process the orders of shipment files.",
                    usage: "[--root <dir>] [--errors <dir>] <file> ...",
                    discussion: "Each order is processed at most once; the journal for that is kept in the drop root's .state/ (--root, default ./watch), whatever the current folder.",
                    options: [FeedCommand.rootOption, FeedCommand.errorsOption],
                    validate: FeedCommand.requireFiles,
                    run: { parsed, context in await FeedCommand.run(.shipments, mode: .apply, parsed, context) }),
        ])

    static let check = Command(
        name: "check", abstract: "Parse and validate files and write their error reports; changes nothing in Linnworks.",
        usage: "[--kind stock|shipments] [--online] [--root <dir>] [--errors <dir>] <file> ...",
        discussion: "With --online, also looks up locations and SKUs, or orders and postal services, in Linnworks (read-only).",
        options: [.option("kind", "<kind>", "stock (default) or shipments.", allowed: ["stock", "shipments"]),
                  .flag("online", "Also look up locations and SKUs in Linnworks, read-only."),
                  FeedCommand.rootOption, FeedCommand.errorsOption],
        validate: FeedCommand.requireFiles,
        run: { parsed, context in
            let kind: FeedCommand.Kind = parsed.value("kind") == "shipments" ? .shipments : .stock
            return await FeedCommand.run(kind, mode: .check(online: parsed.has("online")), parsed, context)
        })

    static let export = Command(
        name: "export", abstract: "Write open-order or stock-level exports for the 3PL.",
        subcommands: [
            Command(name: "open-orders", abstract: "Export open orders not yet exported.",
                    usage: "[--root <dir>] [--location <name>] [--out <dir>] [--all]",
                    discussion: "Its lock and journal live in the drop root's .state/ (--root, default ./watch), shared with the watcher's scheduled exports, whatever the current folder.",
                    options: [FeedCommand.rootOption,
                              .option("location", "<name>", "The fulfilment location."),
                              .option("out", "<dir>", "Where to write (default <root>/outbox)."),
                              .flag("all", "Every open order, exported before or not.")],
                    run: { parsed, context in await ExportCommand.run(.openOrders, parsed, context) }),
            Command(name: "stock-levels", abstract: "Export stock levels.",
                    usage: "[--root <dir>] [--location <name>] [--out <dir>]",
                    options: [FeedCommand.rootOption,
                              .option("location", "<name>", "Only this location."),
                              .option("out", "<dir>", "Where to write (default <root>/outbox).")],
                    run: { parsed, context in await ExportCommand.run(.stockLevels, parsed, context) }),
        ])

    static let sandbox = Command(
        name: "sandbox", abstract: "Run the Linnworks sandbox alone, on loopback.",
        usage: "[--port <n>] [--seed <file>] [--time-scale <k>] [--faults <spec>] [--log <file>]",
        options: SandboxCommandBridge.options,
        run: { parsed, context in await SandboxCommandBridge.run(parsed, context) })
}
