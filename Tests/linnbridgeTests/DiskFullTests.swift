import Foundation
import Sandbox
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// A drop folder on a disk that fills, an archive that cannot be written, a name at the limit:
/// the run ends 73 with the system's reason, the file stays claimed, nothing applied is reported
/// "not processed", and the next run after the fix reports the rows and sends nothing again.
@Suite(.serialized) struct DiskFullTests {
    /// A fresh tmpfs of `kilobytes` mounted on a new folder, laid out as a drop root (root only, as CI runs).
    static func smallDisk(kilobytes: Int, config: String = #"{"watch": {"settleSeconds": 0.5}}"#) throws -> String {
        let root = scratchDirectory()
        let mount = Process()
        mount.executableURL = URL(fileURLWithPath: "/bin/mount")
        mount.arguments = ["-t", "tmpfs", "-o", "size=\(kilobytes)k,mode=0755", "tmpfs", root]
        try mount.run()
        mount.waitUntilExit()
        try #require(mount.terminationStatus == 0, "mounting a small tmpfs needs root")
        try config.write(toFile: root + "/linnbridge.json", atomically: false, encoding: .utf8)
        for kind in ["stock", "shipments"] {
            try FileManager.default.createDirectory(atPath: root + "/inbox/" + kind, withIntermediateDirectories: true)
        }
        return root
    }

    static func unmount(_ root: String) {
        let umount = Process()
        umount.executableURL = URL(fileURLWithPath: "/bin/umount")
        umount.arguments = ["-l", root]
        try? umount.run()
        umount.waitUntilExit()
    }

    /// Fills the file system holding `root` until about `leave` bytes are free; returns the filler's path.
    static func fill(_ root: String, leaving leave: Int) throws -> String {
        var info = statvfs()
        _ = statvfs(root, &info)
        let free = Int(info.f_bavail) * Int(info.f_frsize)
        let path = root + "/filler.bin"
        try Data(count: max(0, free - leave)).write(to: URL(fileURLWithPath: path))
        return path
    }

    /// Valid rows (SKUs the synthetic account has) first, then rows with unknown SKUs for the report.
    static func stockFile(valid: Int, unknown: Int, interleaved: Bool = false) -> String {
        var rows: [String] = []
        for n in 1...valid { rows.append(String(format: "SYN-%06d,%d\n", n, n % 83)) }
        var bad: [String] = []
        for n in 1...unknown { bad.append(String(format: "NOT-IN-LINNWORKS-%06d,%d\n", n, n % 7)) }
        if interleaved {
            var mixed: [String] = []
            for i in 0..<max(rows.count, bad.count) {
                if i < rows.count { mixed.append(rows[i]) }
                if i < bad.count { mixed.append(bad[i]) }
            }
            return "SKU,Level\n" + mixed.joined()
        }
        return "SKU,Level\n" + (rows + bad).joined()
    }

    static func drop(_ text: String, into root: String, as name: String = "stock.csv") throws {
        let path = root + "/inbox/stock/" + name
        try text.write(toFile: path, atomically: false, encoding: .utf8)
        try FileManager.default.setAttributes([.modificationDate: Date().addingTimeInterval(-60)], ofItemAtPath: path)
    }

    static func claimedInputs(_ root: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: root + "/.state/claimed/stock")) ?? []).filter { $0.hasSuffix(".csv") }
    }

    @Test func aFullDiskEnds73KeepsTheFileAndReportsOnceThereIsRoom() async throws {
        let server = try WatchCommandTests.sandbox { $0.seed = "synthetic:skus=2000,orders=0" }
        defer { server.stop() }
        let root = try Self.smallDisk(kilobytes: 1024)
        defer { Self.unmount(root) }
        try Self.drop(Self.stockFile(valid: 1_500, unknown: 1_500), into: root)
        let filler = try Self.fill(root, leaving: 24 * 1024)
        let env = WatchCommandTests.environment(server)
        let first = try await linnbridgeAsync(["watch", "--root", root, "--once"], environment: env)
        #expect(first.status == 73, "\(first.stderr)")
        #expect(first.stderr.contains("No space left on device") && first.stderr.contains("ENOSPC"), "\(first.stderr)")
        #expect(first.stderr.contains("rows.applied=1500"), "the outcome says what was applied: \(first.stderr)")
        #expect(!first.stderr.contains("not processed") && !first.stderr.contains("file.rejected"), "\(first.stderr)")
        #expect(Self.claimedInputs(root).count == 1, "the input stays claimed")
        #expect(Set(server.stockWrites().map(\.sku)).count == 1_500)
        let ledger = (try? String(contentsOfFile: root + "/.state/processed.jsonl", encoding: .utf8)) ?? ""
        #expect(!ledger.contains("\"rejected\""), "never recorded as rejected: \(ledger)")

        try FileManager.default.removeItem(atPath: filler)
        let second = try await linnbridgeAsync(["watch", "--root", root, "--once"], environment: env)
        #expect(second.status == 1, "rows rejected, report written: \(second.stderr)")
        #expect(second.stderr.contains("file.resuming"), "\(second.stderr)")
        let report = try String(contentsOfFile: root + "/errors/stock.csv.errors.csv", encoding: .utf8)
        #expect(report.split(separator: "\r\n").count == 1 + 1_500, "every unknown SKU reported once")
        var counts: [String: Int] = [:]
        for write in server.stockWrites() { counts[write.sku, default: 0] += 1 }
        #expect(counts.count == 1_500 && counts.values.allSatisfy { $0 == 1 }, "\(counts.values.filter { $0 > 1 }.count) SKUs sent twice")
        #expect(Self.claimedInputs(root).isEmpty)
        print("full disk: first run exit \(first.status) (ENOSPC named, 1,500 rows applied, file kept claimed); after freeing space exit \(second.status), report of 1,500 rows, 1,500 SKUs written, \(counts.values.filter { $0 > 1 }.count) twice")
    }

    /// A `.state/` with no room even for a claim record: 73, ENOSPC named, the file untouched in the inbox.
    @Test func aFullStateFolderEnds73AndLeavesTheFileInTheInbox() async throws {
        let server = try WatchCommandTests.sandbox { $0.seed = "synthetic:skus=50,orders=0" }
        defer { server.stop() }
        let root = try Self.smallDisk(kilobytes: 256)
        defer { Self.unmount(root) }
        try FileManager.default.createDirectory(atPath: root + "/.state/claimed/stock", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: root + "/.state/claimed/shipments", withIntermediateDirectories: true)
        for folder in ["outbox", "errors", "archive"] { try FileManager.default.createDirectory(atPath: root + "/" + folder, withIntermediateDirectories: true) }
        try Self.drop(Self.stockFile(valid: 20, unknown: 1), into: root)
        _ = try? Self.fill(root, leaving: 0)
        let run = try await linnbridgeAsync(["watch", "--root", root, "--once"], environment: WatchCommandTests.environment(server))
        #expect(run.status == 73, "\(run.stderr)")
        #expect(run.stderr.contains("ENOSPC") && run.stderr.contains("claim record"), "\(run.stderr)")
        #expect(FileManager.default.fileExists(atPath: root + "/inbox/stock/stock.csv"), "nothing lost: still in the inbox")
        #expect(server.stockWrites().isEmpty)
    }

    /// The full-report path while batches are in flight, again and again: every run ends (73), none hangs.
    @Test func aFullDiskWithCallsInFlightNeverHangs() async throws {
        let runs = Int(ProcessInfo.processInfo.environment["LINNBRIDGE_STRESS_RUNS"] ?? "") ?? 100
        let server = try WatchCommandTests.slowSandbox("synthetic:skus=2000,orders=0", latency: "20ms")
        defer { server.stop() }
        let root = try Self.smallDisk(kilobytes: 1024, config: #"{"watch": {"settleSeconds": 0.5}, "stock": {"batchSize": 50}}"#)
        defer { Self.unmount(root) }
        try Self.drop(Self.stockFile(valid: 1_000, unknown: 1_000, interleaved: true), into: root)
        _ = try Self.fill(root, leaving: 8 * 1024)
        let env = WatchCommandTests.environment(server)
        var hangs = 0
        var statuses: [Int32: Int] = [:]
        for _ in 0..<runs {
            let process = try linnbridgeProcess(["watch", "--root", root, "--once"], environment: env)
            process.standardError = FileHandle.nullDevice
            process.standardOutput = FileHandle.nullDevice
            try process.run()
            let started = Date()
            while process.isRunning, Date().timeIntervalSince(started) < 60 { try? await Task.sleep(for: .milliseconds(20)) }
            if process.isRunning {
                hangs += 1
                kill(process.processIdentifier, SIGKILL)
            }
            process.waitUntilExit()
            statuses[process.terminationStatus, default: 0] += 1
        }
        #expect(hangs == 0)
        #expect(statuses[73] == runs, "\(statuses)")
        print("full disk with calls in flight: \(runs) runs, \(hangs) hung, exit statuses \(statuses)")
    }

    /// An archive folder that cannot be written: 73 naming the real reason (not "No such file"),
    /// the file kept claimed; once fixed, the next run archives it and sends nothing again.
    @Test func anArchiveThatCannotBeWrittenEnds73AndFinishesLater() async throws {
        let server = try WatchCommandTests.sandbox { $0.seed = "synthetic:skus=500,orders=0" }
        defer { server.stop() }
        let root = WatchCommandTests.dropRoot()
        try FileManager.default.createDirectory(atPath: root + "/archive", withIntermediateDirectories: true)
        try #require(Self.chattr("+i", root + "/archive") == 0, "chattr +i (an immutable folder: read-only even for root)")
        defer { _ = Self.chattr("-i", root + "/archive") }
        try Self.drop(Self.stockFile(valid: 400, unknown: 1), into: root)
        let env = WatchCommandTests.environment(server)
        let first = try await linnbridgeAsync(["watch", "--root", root, "--once"], environment: env)
        #expect(first.status == 73, "\(first.stderr)")
        #expect(first.stderr.contains("Operation not permitted") && !first.stderr.contains("No such file"), "\(first.stderr)")
        #expect(Self.claimedInputs(root).count == 1)
        #expect(first.stderr.contains("file.done") && first.stderr.contains("rows.rejected=1"), "what was applied is said: \(first.stderr)")
        #expect(FileManager.default.fileExists(atPath: root + "/errors/stock.csv.errors.csv"), "the report is out already")
        _ = Self.chattr("-i", root + "/archive")
        // The file was done (and its report published) before the move failed: the next run only archives it.
        let second = try await linnbridgeAsync(["watch", "--root", root, "--once"], environment: env)
        #expect(second.status == 0, "\(second.stderr)")
        #expect(second.stderr.contains("file.archived"), "\(second.stderr)")
        var counts: [String: Int] = [:]
        for write in server.stockWrites() { counts[write.sku, default: 0] += 1 }
        #expect(counts.count == 400 && counts.values.allSatisfy { $0 == 1 })
        #expect(Self.claimedInputs(root).isEmpty)
        let archived = (FileManager.default.enumerator(atPath: root + "/archive")?.allObjects as? [String]) ?? []
        #expect(archived.contains { $0.hasSuffix("stock.csv") }, "\(archived)")
    }

    /// A 233-byte name with rows to report: the report's (and its temporary file's) name fits.
    @Test func aNameNearTheLimitGetsItsReport() async throws {
        let server = try WatchCommandTests.sandbox { $0.seed = "synthetic:skus=50,orders=0" }
        defer { server.stop() }
        let root = WatchCommandTests.dropRoot()
        let name = String(repeating: "n", count: 229) + ".csv"
        try Self.drop(Self.stockFile(valid: 10, unknown: 3), into: root, as: name)
        let run = try await linnbridgeAsync(["watch", "--root", root, "--once"], environment: WatchCommandTests.environment(server))
        #expect(run.status == 1, "\(run.stderr)")
        let reports = (try? FileManager.default.contentsOfDirectory(atPath: root + "/errors")) ?? []
        #expect(reports.contains { $0.hasSuffix(".errors.csv") && $0.utf8.count <= 255 }, "\(reports) \(run.stderr)")
    }

    static func chattr(_ flag: String, _ path: String) -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/chattr")
        process.arguments = [flag, path]
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { return -1 }
        process.waitUntilExit()
        return process.terminationStatus
    }
}
