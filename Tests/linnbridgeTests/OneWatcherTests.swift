import CSV
import Foundation
import Sandbox
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// One watcher per drop folder, and `import`/`export` sharing its `.state/` from any folder: an
/// overlapping cron run, a daemon started twice, a clerk's export run elsewhere.
@Suite(.serialized) struct OneWatcherTests {
    static func start(_ arguments: [String], environment: [String: String], log: String, directory: String? = nil) throws -> Process {
        let process = try linnbridgeProcess(arguments, environment: environment, directory: directory)
        _ = FileManager.default.createFile(atPath: log, contents: nil)
        process.standardError = FileHandle(forWritingAtPath: log)
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        return process
    }

    /// Two overlapping `watch --once` runs over a 20,000-row stock file: the second exits 75 naming
    /// the first's pid and touches nothing; every row reaches the sandbox exactly once.
    ///
    /// The overlap is made, not hoped for: the test holds the stock lane (as an `import` would), so
    /// the first run holds the folder, has claimed the file and waits for the lane while the second
    /// starts, however slow the machine. A racing version failed once on a loaded machine, when the
    /// second run started 45 s late.
    @Test func overlappingOnceRunsApplyEachRowOnce() async throws {
        let server = try WatchCommandTests.sandbox { $0.seed = "synthetic:skus=20000,orders=0" }
        defer { server.stop() }
        let root = WatchCommandTests.dropRoot(config: #"{"watch": {"settleSeconds": 0.5}, "stock": {"maxInFlight": 1}}"#)
        try FileManager.default.createDirectory(atPath: root + "/.state", withIntermediateDirectories: true)
        let lane = open(root + "/.state/lane-stock.lock", O_CREAT | O_RDWR | O_CLOEXEC, 0o644)
        #expect(lane >= 0 && flock(lane, LOCK_EX) == 0, "the test holds the stock lane")
        let rows = (1...20_000).map { String(format: "SYN-%06d,%d\n", $0, $0 % 97) }.joined()
        try ("SKU,Level\n" + rows).write(toFile: root + "/inbox/stock/stock.csv", atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.modificationDate: Date().addingTimeInterval(-60)], ofItemAtPath: root + "/inbox/stock/stock.csv")
        let env = WatchCommandTests.environment(server)
        let firstLog = root + ".first.log"
        let first = try Self.start(["watch", "--root", root, "--once"], environment: env, log: firstLog)
        #expect(await WatchCommandTests.waitFor(120) {
            ((try? String(contentsOfFile: firstLog, encoding: .utf8)) ?? "").contains("file.claimed")
        }, "the first run has claimed the file")
        let second = try await linnbridgeAsync(["watch", "--root", root, "--once"], environment: env)
        #expect(first.isRunning, "the runs overlapped: the first was still at work when the second ended")
        #expect(second.status == 75, "\(second.stderr)")
        #expect(second.stderr.contains("pid \(first.processIdentifier)") || second.stderr.contains("pid=\(first.processIdentifier)"), "\(second.stderr)")
        #expect(server.stockWrites().isEmpty, "nothing sent while the lane was held")
        flock(lane, LOCK_UN)
        close(lane)
        await waitForExit(first)
        #expect(first.terminationStatus == 0)
        var counts: [String: Int] = [:]
        for write in server.stockWrites() { counts[write.sku, default: 0] += 1 }
        #expect(counts.count == 20_000)
        #expect(counts.values.allSatisfy { $0 == 1 }, "\(counts.values.filter { $0 > 1 }.count) SKUs sent twice")
        #expect(server.counters().calls(.setStockLevel) == 100, "200 rows a call")
        print("overlapping --once: second exit \(second.status), first exit \(first.terminationStatus); \(counts.count) SKUs written, \(counts.values.filter { $0 > 1 }.count) twice, \(server.counters().calls(.setStockLevel)) SetStockLevel calls")
    }

    /// A second daemon started while the first paces a 400-order shipment file exits 75 at once;
    /// no order reaches processing twice.
    @Test func aSecondDaemonExits75AndNoOrderIsProcessedTwice() async throws {
        let server = try WatchCommandTests.slowSandbox("synthetic:skus=500,orders=400", latency: "100ms")
        defer { server.stop() }
        let root = WatchCommandTests.dropRoot(config: #"{"watch": {"settleSeconds": 0.5}, "shipments": {"batchSize": 50}}"#)
        let env = WatchCommandTests.environment(server)
        let first = try WatchCommandTests.Daemon(root: root, environment: env)
        defer { first.stop() }
        #expect(await WatchCommandTests.waitFor { first.text.contains("watch.started") })
        let rows = (0..<400).map { "\(100_001 + $0),TRK\(900_000 + $0),Tracked 24\n" }.joined()
        try WatchCommandTests.drop("Order Number,Tracking Number,Carrier\n" + rows, as: "shipments.csv", into: root + "/inbox/shipments")
        #expect(await WatchCommandTests.waitFor(60) { server.counters().calls(.setOrderShippingInfo) > 0 }, "\(first.text)")
        let second = try await linnbridgeAsync(["watch", "--root", root], environment: env)
        #expect(second.status == 75, "\(second.stderr)")
        #expect(second.stderr.contains("\(first.process.processIdentifier)"), "\(second.stderr)")
        #expect(await WatchCommandTests.waitFor(180) { !WatchCommandTests.archived(root).isEmpty }, "\(first.text)")
        let processing = MixedRun.appliedCalls(server).processing
        #expect(!processing.isEmpty)
        print("second daemon: exit \(second.status); \(processing.count) orders reached processing, \(processing.values.filter { $0 > 1 }.count) twice")
        #expect(processing.values.allSatisfy { $0 == 1 }, "\(processing.values.filter { $0 > 1 }.count) orders processed twice")
        #expect(!first.text.contains("linnworks_rejected"), "no false rejections")
    }

    /// A clerk's `export open-orders --root` from another folder while another export of the same drop
    /// folder runs: the two share the lock and journal, so each order is in exactly one file.
    @Test func exportsFromTwoFoldersShareTheDropRoot() async throws {
        let server = try WatchCommandTests.slowSandbox("synthetic:skus=200,orders=230", latency: "50ms")
        defer { server.stop() }
        let root = WatchCommandTests.dropRoot()
        let env = WatchCommandTests.environment(server)
        let elsewhere = scratchDirectory()
        let first = try Self.start(["export", "open-orders", "--root", root], environment: env, log: root + ".export1.log")
        let second = try Self.start(["export", "open-orders", "--root", root], environment: env, log: root + ".export2.log", directory: elsewhere)
        await waitForExit(first)
        await waitForExit(second)
        #expect(first.terminationStatus == 0 && second.terminationStatus == 0)
        #expect(!FileManager.default.fileExists(atPath: elsewhere + "/watch"), "nothing kept in the clerk's folder")
        var seen: [String: Int] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: root + "/outbox") where name.hasSuffix(".csv") {
            let reader = try CSVReader(path: root + "/outbox/" + name)
            let header = try #require(try reader.nextRecord()).strings()
            let column = try #require(header.firstIndex(of: "Order Id"), "\(header)")
            var orders: Set<String> = []
            while let record = try reader.nextRecord() { orders.insert(record[column].string) }
            for order in orders { seen[order, default: 0] += 1 }
        }
        print("two exports: \(seen.count) orders in the outbox, \(seen.values.filter { $0 > 1 }.count) in two files")
        #expect(seen.count >= 100, "the open orders were exported: \(seen.count)")
        #expect(seen.values.allSatisfy { $0 == 1 }, "\(seen.values.filter { $0 > 1 }.count) orders in two files")
    }
}
