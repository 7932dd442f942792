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
        #expect(counts.count == 5000, "every row of the final file applied")
        #expect(counts.values.allSatisfy { $0 == 1 }, "none twice")
        #expect(Self.archivedBytes(root) == total.utf8.count, "the archive holds the final file")
    }

    /// The same stall where the writer cannot be seen (its handle closed before the pause, as a
    /// client that reconnects and resumes with a new handle does): taken early, noticed to have grown
    /// while it was being applied, and read again for the new rows only.
    @Test func aResumedUploadWithANewHandleIsReadAgainForItsNewRows() async throws {
        let server = try WatchCommandTests.sandbox {
            $0.seed = "synthetic:skus=20000,orders=0"
            $0.faults = try! FaultPlan.parse("latency=1:150ms")
        }
        defer { server.stop() }
        let root = WatchCommandTests.dropRoot()
        try #"{"watch": {"settleSeconds": 0.5}, "stock": {"batchSize": 100, "maxInFlight": 1}}"#
            .write(toFile: root + "/linnbridge.json", atomically: true, encoding: .utf8)
        let daemon = try WatchCommandTests.Daemon(root: root, environment: WatchCommandTests.environment(server),
                                                  arguments: ["--poll", "0.2"])
        defer { daemon.stop() }
        #expect(await WatchCommandTests.waitFor { daemon.text.contains("watch.started") })
        let path = root + "/inbox/stock/stock.csv"
        var total = "SKU,Level\n" + Self.rows(1...2000)
        try total.write(toFile: path, atomically: false, encoding: .utf8)
        // 20 calls of at least 150 ms each: the first attempt is still sending when the upload resumes.
        #expect(await WatchCommandTests.waitFor(30) { server.stockWrites().count >= 100 })
        let claimedDirectory = root + "/.state/claimed/stock"
        let claimedName = try #require(try FileManager.default.contentsOfDirectory(atPath: claimedDirectory).first { $0.hasSuffix(".csv") && !$0.contains("errors") })
        let fd = open(claimedDirectory + "/" + claimedName, O_WRONLY | O_APPEND)
        #expect(fd >= 0, "the file is still claimed")
        let rest = Self.rows(2001...3000)
        Self.append(fd, rest)
        total += rest
        close(fd)
        #expect(await WatchCommandTests.waitFor(90) { !WatchCommandTests.archived(root).isEmpty }, "\(daemon.text)")
        #expect(daemon.text.contains("file.changed"))
        let counts = Self.writesPerSKU(server)
        #expect(counts.count == 3000, "every row of the final file applied")
        #expect(counts.values.allSatisfy { $0 == 1 }, "none twice: \(counts.filter { $0.value > 1 }.count) SKUs written twice")
        #expect(Self.archivedBytes(root) == total.utf8.count, "the archive holds the final file")
    }
}
