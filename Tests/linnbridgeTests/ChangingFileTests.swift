import Foundation
import Glibc
import Sandbox
import Testing

/// Files that change after LinnBridge saw them complete: rows appended after the rename, an upload
/// that stalls past the settle time. Every row of the final file must reach the sandbox exactly once,
/// and the archive must hold the final file.
@Suite(.serialized) struct ChangingFileTests {
    static func sandbox() throws -> SandboxServer {
        try WatchCommandTests.sandbox { $0.seed = "synthetic:skus=20000,orders=0" }
    }

    static func rows(_ range: ClosedRange<Int>) -> String {
        range.map { String(format: "SYN-%06d,%d\n", $0, 1000 + $0) }.joined()
    }

    /// Each SKU's number of writes at the sandbox.
    static func writesPerSKU(_ server: SandboxServer) -> [String: Int] {
        var counts: [String: Int] = [:]
        for write in server.stockWrites() { counts[write.sku, default: 0] += 1 }
        return counts
    }

    /// The stock file a watcher of `root` holds claimed now.
    static func claimedStockFile(_ root: String) -> String? {
        let directory = root + "/.state/claimed/stock"
        let name = (try? FileManager.default.contentsOfDirectory(atPath: directory))?.first { $0.hasSuffix(".csv") && !$0.contains("errors") }
        return name.map { directory + "/" + $0 }
    }

    static func append(_ fd: Int32, _ text: String) {
        let bytes = Array(text.utf8)
        _ = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
    }

    static func archivedBytes(_ root: String) -> Int? {
        guard let name = WatchCommandTests.archived(root).first else { return nil }
        return (try? FileManager.default.attributesOfItem(atPath: root + "/archive/" + name)[.size] as? Int) ?? nil
    }

    /// A writer that renames its file into the inbox and then goes on appending to it (the rename
    /// protocol broken, as some SFTP clients do): the appended rows are applied too, once.
    @Test func rowsAppendedAfterTheRenameAreAppliedOnce() async throws {
        let server = try Self.sandbox()
        defer { server.stop() }
        let root = WatchCommandTests.dropRoot()
        let daemon = try WatchCommandTests.Daemon(root: root, environment: WatchCommandTests.environment(server))
        defer { daemon.stop() }
        #expect(await WatchCommandTests.waitFor { daemon.text.contains("watch.started") })
        let inbox = root + "/inbox/stock"
        let fd = open(inbox + "/.stock.csv.part", O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        #expect(fd >= 0)
        var total = "SKU,Level\n" + Self.rows(1...3000)
        Self.append(fd, total)
        #expect(rename(inbox + "/.stock.csv.part", inbox + "/stock.csv") == 0)
        #expect(await WatchCommandTests.waitFor { daemon.text.contains("file.claimed") })
        for chunk in 0..<5 {
            let more = Self.rows((3001 + chunk * 600)...(3600 + chunk * 600))
            Self.append(fd, more)
            total += more
            try await Task.sleep(for: .milliseconds(100))
        }
        close(fd)
        #expect(await WatchCommandTests.waitFor(60) { !WatchCommandTests.archived(root).isEmpty }, "\(daemon.text)")
        let counts = Self.writesPerSKU(server)
        print("\(#function): \(counts.count) SKUs written, \(counts.values.filter { $0 > 1 }.count) twice")
        #expect(counts.count == 6000, "every row of the final file applied")
        #expect(counts.values.allSatisfy { $0 == 1 }, "none twice: \(counts.filter { $0.value > 1 }.count) SKUs written twice")
        #expect(Self.archivedBytes(root) == total.utf8.count, "the archive holds the final file")
        #expect(server.snapshot().level(sku: "SYN-006000", location: "Default") == 7000)
    }

    /// `--poll` on a share: an upload written in place pauses longer than the settle time, then
    /// finishes. Every row of the final file is applied once, whether the pause made it look done or not.
    @Test func anUploadThatStallsPastTheSettleTimeIsAppliedWhole() async throws {
        let server = try Self.sandbox()
        defer { server.stop() }
        let root = WatchCommandTests.dropRoot()
        let daemon = try WatchCommandTests.Daemon(root: root, environment: WatchCommandTests.environment(server),
                                                  arguments: ["--poll", "0.2"])
        defer { daemon.stop() }
        #expect(await WatchCommandTests.waitFor { daemon.text.contains("watch.started") })
        let path = root + "/inbox/stock/stock.csv"
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        #expect(fd >= 0)
        var total = "SKU,Level\n" + Self.rows(1...2000)
        Self.append(fd, total)
        try await Task.sleep(for: .seconds(2))  // four times the settle time
        let rest = Self.rows(2001...5000)
        Self.append(fd, rest)
        total += rest
        close(fd)
        #expect(await WatchCommandTests.waitFor(60) { !WatchCommandTests.archived(root).isEmpty }, "\(daemon.text)")
        let counts = Self.writesPerSKU(server)
        print("\(#function): \(counts.count) SKUs written, \(counts.values.filter { $0 > 1 }.count) twice")
        #expect(counts.count == 5000, "every row of the final file applied")
        #expect(counts.values.allSatisfy { $0 == 1 }, "none twice")
        #expect(Self.archivedBytes(root) == total.utf8.count, "the archive holds the final file")
    }

    /// The same stall where the writer cannot be seen (its handle closed before the pause, as a
    /// client that reconnects and resumes with a new handle does): taken early, noticed to have grown
    /// while it was being applied, and read again for the new rows only.
    @Test func aResumedUploadWithANewHandleIsReadAgainForItsNewRows() async throws {
        let server = try WatchCommandTests.slowSandbox("synthetic:skus=20000,orders=0", latency: "150ms")
        defer { server.stop() }
        let root = WatchCommandTests.dropRoot(config: #"{"watch": {"settleSeconds": 0.5}, "stock": {"batchSize": 100, "maxInFlight": 1}}"#)
        let daemon = try WatchCommandTests.Daemon(root: root, environment: WatchCommandTests.environment(server),
                                                  arguments: ["--poll", "0.2"])
        defer { daemon.stop() }
        #expect(await WatchCommandTests.waitFor { daemon.text.contains("watch.started") })
        let path = root + "/inbox/stock/stock.csv"
        var total = "SKU,Level\n" + Self.rows(1...2000)
        try total.write(toFile: path, atomically: false, encoding: .utf8)
        // 20 calls of at least 150 ms each: the first attempt is still sending when the upload resumes.
        #expect(await WatchCommandTests.waitFor(30) { server.stockWrites().count >= 100 })
        let claimed = try #require(ChangingFileTests.claimedStockFile(root), "the file is claimed")
        let fd = open(claimed, O_WRONLY | O_APPEND)
        #expect(fd >= 0, "the file is still claimed")
        let rest = Self.rows(2001...3000)
        Self.append(fd, rest)
        total += rest
        close(fd)
        #expect(await WatchCommandTests.waitFor(90) { !WatchCommandTests.archived(root).isEmpty }, "\(daemon.text)")
        #expect(daemon.text.contains("file.changed"))
        let counts = Self.writesPerSKU(server)
        print("\(#function): \(counts.count) SKUs written, \(counts.values.filter { $0 > 1 }.count) twice")
        #expect(counts.count == 3000, "every row of the final file applied")
        #expect(counts.values.allSatisfy { $0 == 1 }, "none twice: \(counts.filter { $0.value > 1 }.count) SKUs written twice")
        #expect(Self.archivedBytes(root) == total.utf8.count, "the archive holds the final file")
    }
}

/// A claimed stock file cut short while its rows are being sent (a 3PL's job that rewrites a file it
/// had already uploaded, or a disk that filled on their side).
@Suite(.serialized) struct TruncatedFileTests {
    @Test func aFileCutShortWhileReadIsAppliedAsItEnds() async throws {
        let server = try WatchCommandTests.slowSandbox("synthetic:skus=20000,orders=0", latency: "150ms")
        defer { server.stop() }
        let root = WatchCommandTests.dropRoot(config: #"{"watch": {"settleSeconds": 0.5}, "stock": {"batchSize": 100, "maxInFlight": 1}}"#)
        let daemon = try WatchCommandTests.Daemon(root: root, environment: WatchCommandTests.environment(server))
        defer { daemon.stop() }
        #expect(await WatchCommandTests.waitFor { daemon.text.contains("watch.started") })
        // SKUs 1–4000 at level 1, then all of them again at level 2: the first half is superseded.
        let first = (1...4000).map { String(format: "SYN-%06d,1\n", $0) }.joined()
        let second = (1...4000).map { String(format: "SYN-%06d,2\n", $0) }.joined()
        let kept = (1...2000).map { String(format: "SYN-%06d,2\n", $0) }.joined()
        let header = "SKU,Level\n"
        try WatchCommandTests.drop(header + first + second, as: "stock.csv", into: root + "/inbox/stock")
        #expect(await WatchCommandTests.waitFor(30) { server.stockWrites().count >= 500 })
        let claimed = try #require(ChangingFileTests.claimedStockFile(root), "the file is claimed")
        // Cut after the first 2000 rows of the second half: the final file ends at line 6001.
        #expect(truncate(claimed, off_t((header + first + kept).utf8.count)) == 0)
        #expect(await WatchCommandTests.waitFor(120) { !WatchCommandTests.archived(root).isEmpty }, "\(daemon.text)")
        #expect(daemon.text.contains("file.changed"))

        let snapshot = server.snapshot()
        let wrong = (1...4000).filter { number in
            snapshot.level(sku: String(format: "SYN-%06d", number), location: "Default") != (number <= 2000 ? 2 : 1)
        }
        #expect(wrong.isEmpty, "\(wrong.count) SKUs do not hold the final file's level")
        let report = try String(contentsOfFile: root + "/errors/stock.csv.errors.csv", encoding: .utf8)
        let laterLines = report.components(separatedBy: .newlines).compactMap { line -> Int? in
            guard let range = line.range(of: #"appears again on line [0-9]+"#, options: .regularExpression) else { return nil }
            return Int(line[range].split(separator: " ").last!)
        }
        #expect(laterLines.count == 2000, "rows 1–2000 are superseded by rows that exist")
        #expect(laterLines.allSatisfy { $0 <= 6001 }, "no row is superseded by a line that is gone")
        // Rows of the final file sent by both attempts: only those past the last verified checkpoint
        // (at most 4 KiB from the new end, about 340 rows of this width).
        let levelTwoWrites = server.stockWrites().filter { $0.level == 2 && Int($0.sku.dropFirst(4))! <= 2000 }.count
        #expect(levelTwoWrites >= 2000 && levelTwoWrites <= 2000 + 350, "\(levelTwoWrites - 2000) rows of the final file sent twice")
        print("truncated file: \(levelTwoWrites - 2000) rows of the final file sent by both attempts")
    }
}
