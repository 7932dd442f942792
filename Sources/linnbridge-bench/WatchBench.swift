import Bridge
import Foundation
import Linnworks
import Sandbox
import Support

/// The drop-folder watcher's figures, with the watcher and the sandbox in this process:
/// the time from a file's rename into `inbox/stock/` to the sandbox receiving its first
/// `SetStockLevel` (20 files, one at a time; median and worst), then 200 files renamed in at once
/// (100 stock, 100 shipments), all processed, in arrival order per kind.
enum WatchBench {
    static func run(arguments: [String]) async throws {
        MallocArenas.limit()
        let server = try SandboxServer(options: SandboxOptions())
        try server.start()
        defer { server.stop() }
        let root = NSTemporaryDirectory() + "linnbridge-watch-bench-\(getpid())"
        defer { try? FileManager.default.removeItem(atPath: root) }
        let memory = MemoryLogHandler()
        let client = LinnworksClient(credentials: server.credentials())
        var options = WatchOptions(root: root)
        options.settleSeconds = 2
        let config = BridgeConfig()
        let runners = Dictionary(uniqueKeysWithValues: FeedKind.allCases.map { kind in
            (kind, FeedRunner(kind: kind, mode: .apply, config: config, client: client, stateDirectory: root + "/.state"))
        })
        let shutdown = ShutdownSignal()
        let watcher = try DropFolderWatcher(options: options, runners: runners, logger: Logger(handler: memory), shutdown: shutdown)
        let running = Task { await watcher.run() }
        let folder = DropFolder(root: root)
        while !memory.messages.contains("watch.started") { try await Task.sleep(for: .milliseconds(10)) }

        func setStockCalls() -> Int { server.callRecords().filter { $0.endpoint == .setStockLevel }.count }
        var latencies: [Double] = []
        for index in 0..<20 {
            let before = setStockCalls()
            let temporary = folder.inbox(.stock) + "/.latency-\(index).csv.part"
            try "SKU,Level\r\nMUG-BLU-01,\(index)\r\n".write(toFile: temporary, atomically: false, encoding: .utf8)
            let started = ContinuousClock.now
            try FileManager.default.moveItem(atPath: temporary, toPath: folder.inbox(.stock) + "/latency-\(index).csv")
            while setStockCalls() == before { try await Task.sleep(for: .milliseconds(2)) }
            let elapsed = ContinuousClock.now - started
            latencies.append(elapsed.inSeconds)
            while !memory.records.contains(where: { $0.message == "file.archived" && $0.metadata["file.name"] == "latency-\(index).csv" }) {
                try await Task.sleep(for: .milliseconds(5))
            }
        }
        let sorted = latencies.sorted()
        print(String(format: "rename → first SetStockLevel: median %.0f ms, worst %.0f ms, best %.0f ms (20 files)",
                     (sorted[9] + sorted[10]) / 2 * 1000, sorted[19] * 1000, sorted[0] * 1000))

        let skus = ["MUG-BLU-01", "MUG-RED-01", "TEE-BLK-S", "CAP-NVY"]
        let orders = server.snapshot().orders.filter { !$0.isProcessed && !$0.isParked }.map(\.orderNumber)
        var dropped: [FeedKind: [String]] = [:]
        let archivedBefore = memory.records.filter { $0.message == "file.archived" }.count
        for index in 0..<200 {
            let kind: FeedKind = index % 2 == 0 ? .stock : .shipments
            let name = String(format: "burst-%03d.csv", index)
            let text = kind == .stock
                ? "SKU,Level\r\n\(skus[index % skus.count]),\(index)\r\n"
                : "Order Number,Tracking Number\r\n\(orders[(index / 2) % orders.count]),BURST\(index)\r\n"
            let temporary = folder.inbox(kind) + "/." + name + ".part"
            try text.write(toFile: temporary, atomically: false, encoding: .utf8)
            try FileManager.default.moveItem(atPath: temporary, toPath: folder.inbox(kind) + "/" + name)
            dropped[kind, default: []].append(name)
        }
        let burstStarted = ContinuousClock.now
        while memory.records.filter({ $0.message == "file.archived" }).count < archivedBefore + 200 {
            try await Task.sleep(for: .milliseconds(20))
            if ContinuousClock.now - burstStarted > .seconds(300) { break }
        }
        let burstSeconds = ContinuousClock.now - burstStarted
        var inOrder = true
        for kind in FeedKind.allCases {
            let claimed = memory.records.filter { $0.message == "file.claimed" && $0.metadata["kind"] == kind.rawValue }
                .compactMap { $0.metadata["file.name"] }.filter { $0.hasPrefix("burst-") }
            if claimed != dropped[kind] { inOrder = false }
        }
        let archived = memory.records.filter { $0.message == "file.archived" }.count - archivedBefore
        print("200 files renamed in at once: \(archived) processed and archived in \(burstSeconds), "
              + "arrival order per kind \(inOrder ? "kept" : "NOT kept") (stock \(dropped[.stock]?.count ?? 0), shipments \(dropped[.shipments]?.count ?? 0))")
        shutdown.request()
        _ = await running.value
    }
}
