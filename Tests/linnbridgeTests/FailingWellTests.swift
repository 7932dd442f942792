import Foundation
import Sandbox
import TestFixtures
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Linnworks that hangs, refuses sessions or paces us, and SIGTERM at every awkward moment: the
/// binary against a black hole or the real sandbox, as systemd and cron run it.
extension BlackHole {
    /// Credentials aimed at the hole (never real ones: it answers nothing).
    var environment: [String: String] {
        ["LINNWORKS_AUTH_URL": url, "LINNWORKS_APPLICATION_ID": "app-black-hole",
         "LINNWORKS_APPLICATION_SECRET": "secret-black-hole-1234", "LINNWORKS_TOKEN": "token-black-hole-5678"]
    }
}

@Suite(.serialized) struct FailingWellTests {
    /// User plus system CPU seconds the process has used so far (`/proc/<pid>/stat`, fields 14 and 15).
    static func cpuSeconds(_ pid: Int32) -> Double? {
        guard let text = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let close = text.lastIndex(of: ")") else { return nil }
        let fields = text[text.index(after: close)...].split(separator: " ")
        // After the name: state is field 3, so utime (14) and stime (15) are at offsets 11 and 12.
        guard fields.count > 12, let user = Double(fields[11]), let system = Double(fields[12]) else { return nil }
        return (user + system) / Double(sysconf(Int32(_SC_CLK_TCK)))
    }

    /// Runs `body` on a thread of its own: timings taken there do not wait for a turn on the test
    /// process's cooperative pool, which other tests' blocking waits can hold for many seconds on a
    /// loaded machine (a run here once measured 38 s of wall for a 10 s exit that way).
    static func onThread<T: Sendable>(_ body: @escaping @Sendable () -> T) async -> T {
        await withCheckedContinuation { continuation in
            Thread { continuation.resume(returning: body()) }.start()
        }
    }

    /// Runs `process` to its end, sampling its CPU time; returns (wall seconds, last CPU seconds seen).
    static func runSampled(_ process: Process) async throws -> (wall: Double, cpu: Double) {
        try process.run()
        let running = process
        return await onThread {
            let started = Date()
            var cpu = 0.0
            while running.isRunning {
                if let seen = cpuSeconds(running.processIdentifier) { cpu = seen }
                usleep(100_000)
            }
            running.waitUntilExit()
            return (Date().timeIntervalSince(started), cpu)
        }
    }

    /// Sends SIGTERM and returns the seconds until the process had exited (SIGKILL after `seconds`).
    static func terminate(_ process: Process, within seconds: Double = 30) async -> Double {
        let running = process
        return await onThread {
            let sent = Date()
            kill(running.processIdentifier, SIGTERM)
            while running.isRunning, Date().timeIntervalSince(sent) < seconds { usleep(10_000) }
            let took = Date().timeIntervalSince(sent)
            if running.isRunning { kill(running.processIdentifier, SIGKILL) }
            running.waitUntilExit()
            return took
        }
    }

    static func stockFile(_ root: String, rows: Int, name: String = "stock.csv") throws {
        let body = (1...rows).map { String(format: "SYN-%06d,%d\n", $0, $0 % 89) }.joined()
        let path = root + "/inbox/stock/" + name
        try ("SKU,Level\n" + body).write(toFile: path, atomically: true, encoding: .utf8)
        // Settled already: taken at the first scan.
        try FileManager.default.setAttributes([.modificationDate: Date().addingTimeInterval(-60)], ofItemAtPath: path)
    }

    /// Against a Linnworks that never answers, `--once` gives up with 69 within its retry budget and
    /// waits in the kernel, not in a loop.
    @Test func aBlackHoleEnds69WithinTheBudgetAtLowCPU() async throws {
        let hole = try BlackHole()
        let root = WatchCommandTests.dropRoot(config: #"{"watch": {"settleSeconds": 0.5}, "linnworks": {"timeoutSeconds": 2, "retryBudgetSeconds": 8}}"#)
        try Self.stockFile(root, rows: 10)
        let process = try linnbridgeProcess(["watch", "--root", root, "--once"], environment: hole.environment)
        let log = root + ".log"
        _ = FileManager.default.createFile(atPath: log, contents: nil)
        process.standardError = FileHandle(forWritingAtPath: log)
        process.standardOutput = FileHandle.nullDevice
        let (wall, cpu) = try await Self.runSampled(process)
        let text = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
        #expect(process.terminationStatus == 69, "\(text)")
        #expect(wall <= 8 + 60, "gave up within budget + one timeout (+ start-up): \(wall) s")
        #expect(wall >= 8, "the budget was used before giving up: \(wall) s")
        #expect(cpu <= 0.10 * wall, "waiting costs no CPU: \(cpu) s of CPU in \(wall) s")
        #expect(FileManager.default.fileExists(atPath: root + "/.state/claimed/stock"), "the file stays claimed")
        #expect(!text.contains("secret-black-hole") && !text.contains("token-black-hole"))
        print("black hole: exit \(process.terminationStatus) after \(String(format: "%.1f", wall)) s (budget 8 s, timeout 2 s), CPU \(String(format: "%.2f", cpu)) s = \(String(format: "%.1f", 100 * cpu / wall)) % of wall")
    }

    /// SIGTERM while a call hangs (60 s timeout): exit 0 within 10 s, naming the file that stays claimed.
    @Test func sigtermDuringAHungCallExitsWithinTenSeconds() async throws {
        let hole = try BlackHole()
        let root = WatchCommandTests.dropRoot()
        try Self.stockFile(root, rows: 10)
        let daemon = try WatchCommandTests.Daemon(root: root, environment: hole.environment)
        defer { daemon.stop() }
        #expect(await WatchCommandTests.waitFor(30) { daemon.text.contains("file.claimed") }, "\(daemon.text)")
        try await Task.sleep(for: .seconds(1))  // the authorization call is out, and hangs
        let took = await Self.terminate(daemon.process)
        #expect(daemon.process.terminationStatus == 0, "\(daemon.text)")
        #expect(took <= 10, "exited \(took) s after SIGTERM")
        #expect(daemon.text.contains("watch.stopping") && daemon.text.contains("claimed=stock.csv"), "\(daemon.text)")
        let claimed = (try? FileManager.default.contentsOfDirectory(atPath: root + "/.state/claimed/stock")) ?? []
        #expect(claimed.contains { $0.hasSuffix(".csv") }, "still claimed for the next start: \(claimed)")
        print("SIGTERM during a hung call: exit \(daemon.process.terminationStatus) after \(String(format: "%.2f", took)) s")
    }

    /// SIGTERM while the daemon backs off from an unreachable Linnworks (30 s): it exits at once.
    @Test func sigtermDuringABackOffExitsAtOnce() async throws {
        // A port nobody listens on any more: every connection is refused at once.
        var closed: BlackHole? = try BlackHole()
        let environment = closed!.environment
        closed = nil
        let root = WatchCommandTests.dropRoot(config: #"{"watch": {"settleSeconds": 0.5}, "linnworks": {"retryBudgetSeconds": 2, "timeoutSeconds": 1}}"#)
        try Self.stockFile(root, rows: 10)
        let daemon = try WatchCommandTests.Daemon(root: root, environment: environment)
        defer { daemon.stop() }
        #expect(await WatchCommandTests.waitFor(60) { daemon.text.contains("watch.backing_off") }, "\(daemon.text)")
        let took = await Self.terminate(daemon.process)
        #expect(daemon.process.terminationStatus == 0, "\(daemon.text)")
        #expect(took <= 10, "exited \(took) s after SIGTERM")
        #expect(took < 5, "a back-off ends at the signal, it is not slept through: \(took) s")
        print("SIGTERM during a 30 s back-off: exit \(daemon.process.terminationStatus) after \(String(format: "%.2f", took)) s")
    }

    /// SIGTERM while a big stock file is paced at the real limit (250 calls a minute): exit 0 within
    /// 10 s; the next run sends only what Linnworks had not confirmed — no SKU twice. 60,000 rows by
    /// default (the restart finishes the file); `LINNBRIDGE_STOCK_ROWS=1000000` runs the million-row
    /// case, whose restart is stopped again after another minute's calls (the rest would take 19 min).
    @Test func sigtermWhilePacingResumesAfterTheLastConfirmedBatch() async throws {
        let rows = Int(ProcessInfo.processInfo.environment["LINNBRIDGE_STOCK_ROWS"] ?? "") ?? 60_000
        let server = try WatchCommandTests.sandbox { $0.seed = "synthetic:skus=\(rows),orders=0" }
        defer { server.stop() }
        let root = WatchCommandTests.dropRoot()
        try Self.stockFile(root, rows: rows)
        let env = WatchCommandTests.environment(server)
        let daemon = try WatchCommandTests.Daemon(root: root, environment: env)
        defer { daemon.stop() }
        // 250 calls fill the minute; the 251st waits in pacing.
        #expect(await WatchCommandTests.waitFor(300) { server.counters().calls(.setStockLevel) >= 250 }, "\(daemon.text)")
        try await Task.sleep(for: .milliseconds(500))
        let sentBeforeStop = server.counters().calls(.setStockLevel)
        let took = await Self.terminate(daemon.process)
        #expect(daemon.process.terminationStatus == 0, "\(daemon.text)")
        #expect(took <= 10, "exited \(took) s after SIGTERM")
        let confirmedBeforeRestart = Set(server.stockWrites().map(\.sku)).count
        #expect(confirmedBeforeRestart < rows, "stopped mid-file")
        let again = try WatchCommandTests.Daemon(root: root, environment: env)
        defer { again.stop() }
        let finishes = rows <= 60_000
        #expect(await WatchCommandTests.waitFor(300) {
            finishes ? again.text.contains("file.archived") : server.counters().calls(.setStockLevel) >= sentBeforeStop + 250
        }, "\(again.text)")
        _ = await Self.terminate(again.process)
        #expect(again.text.contains("file.resuming"), "\(again.text)")
        var counts: [String: Int] = [:]
        for write in server.stockWrites() { counts[write.sku, default: 0] += 1 }
        let twice = counts.values.filter { $0 > 1 }.count
        if finishes { #expect(counts.count == rows) }
        #expect(counts.count > confirmedBeforeRestart, "the restart went on with the file")
        #expect(twice == 0, "\(twice) SKUs sent again after the restart")
        print("SIGTERM while pacing a \(rows)-row file: \(sentBeforeStop) SetStockLevel calls before the signal (\(confirmedBeforeRestart) SKUs), exit \(daemon.process.terminationStatus) after \(String(format: "%.2f", took)) s; after the restart \(counts.count) SKUs written, \(twice) twice; calls in all \(server.counters().calls(.setStockLevel))")
    }

    /// Sessions that expire at every call never read as refused credentials: the daemon keeps running,
    /// leaves the file claimed and backs off (69-like), and is never stopped with 77.
    @Test func sessionsRefusedAgainAndAgainAreAnOutageNotRefusedCredentials() async throws {
        let server = try WatchCommandTests.sandbox {
            $0.seed = "synthetic:skus=50,orders=0"
            $0.faults = try! FaultPlan.parse("expire-every=1")
        }
        defer { server.stop() }
        let root = WatchCommandTests.dropRoot(config: #"{"watch": {"settleSeconds": 0.5}, "linnworks": {"retryBudgetSeconds": 3}}"#)
        try Self.stockFile(root, rows: 20)
        let daemon = try WatchCommandTests.Daemon(root: root, environment: WatchCommandTests.environment(server))
        defer { daemon.stop() }
        #expect(await WatchCommandTests.waitFor(60) { daemon.text.contains("watch.backing_off") }, "\(daemon.text)")
        #expect(daemon.process.isRunning, "the daemon does not stop itself for an outage")
        #expect(!daemon.text.contains("auth_refused"), "\(daemon.text)")
        _ = await Self.terminate(daemon.process)
        #expect(daemon.process.terminationStatus == 0)
    }

    /// Sessions expiring every 3 calls in daemon mode: each is re-opened and every row lands once.
    @Test func sessionsExpiringEveryThreeCallsAreReopened() async throws {
        let server = try WatchCommandTests.sandbox {
            $0.seed = "synthetic:skus=4000,orders=0"
            $0.faults = try! FaultPlan.parse("expire-every=3")
        }
        defer { server.stop() }
        let root = WatchCommandTests.dropRoot()
        let daemon = try WatchCommandTests.Daemon(root: root, environment: WatchCommandTests.environment(server))
        defer { daemon.stop() }
        #expect(await WatchCommandTests.waitFor(30) { daemon.text.contains("watch.started") })
        try Self.stockFile(root, rows: 4_000)
        #expect(await WatchCommandTests.waitFor(90) { daemon.text.contains("file.archived") }, "\(daemon.text)")
        var counts: [String: Int] = [:]
        for write in server.stockWrites() { counts[write.sku, default: 0] += 1 }
        #expect(counts.count == 4_000 && counts.values.allSatisfy { $0 == 1 })
        #expect(!daemon.text.contains("auth_refused"), "\(daemon.text)")
        #expect(daemon.process.isRunning)
    }

    /// Credentials Linnworks refuses at AuthorizeByApplication: the daemon stops itself with 77,
    /// never 0, so systemd's Restart=on-failure sees it.
    @Test func aDaemonStoppedByRefusedCredentialsExits77() async throws {
        let server = try WatchCommandTests.sandbox { $0.seed = "synthetic:skus=50,orders=0" }
        defer { server.stop() }
        var env = WatchCommandTests.environment(server)
        env["LINNWORKS_APPLICATION_SECRET"] = "not-the-secret-at-all"
        let root = WatchCommandTests.dropRoot()
        try Self.stockFile(root, rows: 5)
        let daemon = try WatchCommandTests.Daemon(root: root, environment: env)
        defer { daemon.stop() }
        #expect(await WatchCommandTests.waitFor(60) { !daemon.process.isRunning }, "the daemon stops itself: \(daemon.text)")
        daemon.process.waitUntilExit()
        #expect(daemon.process.terminationStatus == 77, "\(daemon.text)")
        #expect(!daemon.text.contains("not-the-secret-at-all"))
        print("daemon with refused credentials: exit \(daemon.process.terminationStatus)")
    }

    /// SIGTERM during `import stock` while it is paced: exit 0 within 10 s, logged; the same import
    /// run again sends only what Linnworks had not confirmed.
    @Test func sigtermDuringAnImportExitsWithinTenSeconds() async throws {
        let server = try WatchCommandTests.sandbox { $0.seed = "synthetic:skus=60000,orders=0" }
        defer { server.stop() }
        let root = WatchCommandTests.dropRoot()
        let file = root + "/big-stock.csv"
        try ("SKU,Level\n" + (1...60_000).map { String(format: "SYN-%06d,%d\n", $0, $0 % 13) }.joined())
            .write(toFile: file, atomically: true, encoding: .utf8)
        let process = try linnbridgeProcess(["import", "stock", file, "--root", root], environment: WatchCommandTests.environment(server))
        let log = root + ".import.log"
        _ = FileManager.default.createFile(atPath: log, contents: nil)
        process.standardError = FileHandle(forWritingAtPath: log)
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        #expect(await WatchCommandTests.waitFor(120) { server.counters().calls(.setStockLevel) >= 250 })
        try await Task.sleep(for: .milliseconds(300))
        let took = await Self.terminate(process)
        let text = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
        #expect(process.terminationStatus == 0, "\(text)")
        #expect(took <= 10, "exited \(took) s after SIGTERM")
        #expect(text.contains("import.stopping"), "\(text)")
        #expect(server.counters().calls(.setStockLevel) < 300, "stopped before the end of the file")
        let confirmed = Set(server.stockWrites().map(\.sku)).count
        // The clerk runs the same import again: it goes on after the batches Linnworks confirmed.
        let again = try await linnbridgeAsync(["import", "stock", file, "--root", root], environment: WatchCommandTests.environment(server))
        #expect(again.status == 0, "\(again.stderr)")
        #expect(again.stderr.contains("file.resuming"), "\(again.stderr)")
        var counts: [String: Int] = [:]
        for write in server.stockWrites() { counts[write.sku, default: 0] += 1 }
        let twice = counts.values.filter { $0 > 1 }.count
        #expect(counts.count == 60_000)
        #expect(twice == 0, "\(twice) SKUs sent again by the second import")
        print("SIGTERM during import: exit \(process.terminationStatus) after \(String(format: "%.2f", took)) s with \(confirmed) SKUs confirmed; the import run again wrote the rest: \(counts.count) SKUs, \(twice) twice")
    }

    /// SIGTERM in the middle of a shipment file while orders are being processed: exit 0 within 10 s;
    /// the next start reads the journal back and processes no order twice.
    @Test func sigtermMidShipmentsResumesThroughTheJournal() async throws {
        let server = try WatchCommandTests.slowSandbox("synthetic:skus=300,orders=200", latency: "50ms")
        defer { server.stop() }
        let root = WatchCommandTests.dropRoot(config: #"{"watch": {"settleSeconds": 0.5}, "shipments": {"batchSize": 20}}"#)
        let env = WatchCommandTests.environment(server)
        let daemon = try WatchCommandTests.Daemon(root: root, environment: env)
        defer { daemon.stop() }
        #expect(await WatchCommandTests.waitFor(30) { daemon.text.contains("watch.started") })
        let rows = (0..<200).map { "\(100_001 + $0),TRK\(800_000 + $0),Tracked 24\n" }.joined()
        try WatchCommandTests.drop("Order Number,Tracking Number,Carrier\n" + rows, as: "shipments.csv", into: root + "/inbox/shipments")
        #expect(await WatchCommandTests.waitFor(120) { server.counters().calls(.processOrdersInBatch) >= 2 }, "\(daemon.text)")
        let took = await Self.terminate(daemon.process)
        #expect(daemon.process.terminationStatus == 0, "\(daemon.text)")
        #expect(took <= 10, "exited \(took) s after SIGTERM")
        #expect(WatchCommandTests.archived(root).isEmpty, "stopped mid-file")
        let before = MixedRun.appliedCalls(server).processing.count
        let again = try WatchCommandTests.Daemon(root: root, environment: env)
        defer { again.stop() }
        #expect(await WatchCommandTests.waitFor(180) { !WatchCommandTests.archived(root).isEmpty }, "\(again.text)")
        let processing = MixedRun.appliedCalls(server).processing
        let twice = processing.values.filter { $0 > 1 }.count
        #expect(processing.count > before, "the restart went on with the file")
        #expect(twice == 0, "\(twice) orders processed twice")
        #expect(!again.text.contains("linnworks_rejected"), "\(again.text)")
        print("SIGTERM mid-shipments: exit \(daemon.process.terminationStatus) after \(String(format: "%.2f", took)) s with \(before) orders processed; after the restart \(processing.count) processed, \(twice) twice")
    }
}
