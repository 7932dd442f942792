@testable import Bridge
import Foundation
import Linnworks
import Sandbox
import Support
import Synchronization
import Testing

/// Stock files that grow or shrink between attempts, against the real sandbox: what Linnworks
/// receives is counted from the sandbox's call log, one row per call.
@Suite struct FeedAttemptStockTests {
    /// (SKU, level) of every `SetStockLevel` row the sandbox accepted, in arrival order.
    static func sentRows(_ server: SandboxServer) -> [String] {
        server.callRecords().filter { $0.endpoint == .setStockLevel && $0.status == 200 }.flatMap { record -> [String] in
            guard let object = try? JSONSerialization.jsonObject(with: Data(record.parameters.utf8)) as? [String: Any],
                  let value = object.first(where: { $0.key.lowercased() == "stocklevels" })?.value else { return ["?"] }
            let levels = (value as? [[String: Any]])
                ?? (value as? String).flatMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [[String: Any]] } ?? []
            return levels.map { "\($0["SKU"] ?? "?")=\($0["Level"] ?? "?")" }
        }
    }

    /// One row per call, so the call log (which cuts parameters at 500 characters) holds every row.
    func feed(_ server: SandboxServer) -> StockFeed {
        var options = StockFeedOptions()
        options.batchSize = 1
        return StockFeed(options: options, service: LinnworksClient(credentials: server.credentials()))
    }

    func append(_ text: String, to path: String) throws {
        let handle = try #require(FileHandle(forWritingAtPath: path))
        handle.seekToEndOfFile()
        handle.write(Data(text.utf8))
        try handle.close()
    }

    func hash(_ text: String) -> UInt64 {
        var hash = ContentHash()
        hash.update(Array(text.utf8))
        return hash.value
    }

    @Test func byteLimitBoundsBothPasses() async throws {
        let start = "SKU,Level\nMUG-BLU-01,5\nTEE-BLK-S,7\nCAP-NVY,3\n"
        // Past the limit: a later MUG-BLU-01 (the first pass would mark line 2 superseded) and a bad row.
        let beyond = "MUG-BLU-01,9\nSOCK-3PK,lots\nBOTTLE-750,4\n"
        var summaries: [FeedSummary] = []
        let runs: [(text: String, limit: Int?)] = [(start, nil), (start + beyond, start.utf8.count)]
        for (text, limit) in runs {
            let server = try startSandbox()
            defer { server.stop() }
            let (dir, path) = writeTemporary(text)
            defer { try? FileManager.default.removeItem(atPath: dir) }
            var summary = try await feed(server).run(path: path, reportPath: path + ".errors.csv", attempt: FeedAttempt(byteLimit: limit))
            #expect(summary.reportPath == nil, "no row of the first \(start.utf8.count) bytes fails")
            #expect(Self.sentRows(server).sorted() == ["CAP-NVY=3", "MUG-BLU-01=5", "TEE-BLK-S=7"])
            #expect(server.snapshot().level(sku: "MUG-BLU-01", location: "Default") == 5)
            summary.file = ""
            summary.seconds = 0
            summaries.append(summary)
        }
        #expect(summaries[0] == summaries[1])
        #expect(summaries[1].rowsRead == 3 && summaries[1].applied == 3 && summaries[1].appliedLines == LineSet([2, 3, 4]))
        #expect(summaries[1].readThrough == ReadThrough(offset: start.utf8.count, hash: hash(start)))
    }

    @Test func appendedRowsAreSentOnceAndTheLaterValueWins() async throws {
        let server = try startSandbox()
        defer { server.stop() }
        let first = "SKU,Level\nMUG-BLU-01,5\nTEE-BLK-S,7\nCAP-NVY,3\n"
        let (dir, path) = writeTemporary(first)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let one = try await feed(server).run(path: path, reportPath: path + ".errors.csv", attempt: FeedAttempt(byteLimit: first.utf8.count))
        #expect(one.applied == 3 && one.appliedLines == LineSet([2, 3, 4]))
        #expect(one.readThrough == ReadThrough(offset: first.utf8.count, hash: hash(first)))

        let appended = "SOCK-3PK,2\nMUG-BLU-01,9\nBOTTLE-750,4\n"
        try append(appended, to: path)
        let size = first.utf8.count + appended.utf8.count
        let earlier = AppliedRows(lines: one.appliedLines, verifiedThrough: first.utf8.count)
        let two = try await feed(server).run(path: path, reportPath: path + ".errors.csv",
                                             attempt: FeedAttempt(byteLimit: size, earlier: earlier))
        #expect(two.rowsRead == 6 && two.applied == 6 && two.alreadyApplied == 3 && two.rejected == 0, "\(two)")
        #expect(two.appliedLines == LineSet(2...7))
        #expect(two.reportPath == nil, "rows applied earlier are neither sent nor reported, not even as superseded")
        #expect(two.readThrough?.offset == size)

        let sent = Self.sentRows(server)
        #expect(sent.sorted() == ["BOTTLE-750=4", "CAP-NVY=3", "MUG-BLU-01=5", "MUG-BLU-01=9", "SOCK-3PK=2", "TEE-BLK-S=7"],
                "every row of the final file exactly once in total")
        #expect(sent.firstIndex(of: "MUG-BLU-01=9")! > sent.firstIndex(of: "MUG-BLU-01=5")!)
        #expect(server.snapshot().level(sku: "MUG-BLU-01", location: "Default") == 9, "the later row wins")
    }

    @Test func truncationSendsRowsNoLongerSuperseded() async throws {
        let server = try startSandbox()
        defer { server.stop() }
        let full = "SKU,Level\nMUG-BLU-01,5\nTEE-BLK-S,7\nCAP-NVY,3\nMUG-BLU-01,8\nTEE-BLK-S,9\n"
        let (dir, path) = writeTemporary(full)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let one = try await feed(server).run(path: path, reportPath: path + ".errors.csv", attempt: FeedAttempt(byteLimit: full.utf8.count))
        #expect(one.applied == 3 && one.appliedLines == LineSet([4, 5, 6]) && one.rejected == 2)

        // Cut mid-row: line 6 ("TEE-BLK-S,9") is now "TEE-B", which superseded line 3 and no longer can.
        let cut = "SKU,Level\nMUG-BLU-01,5\nTEE-BLK-S,7\nCAP-NVY,3\nMUG-BLU-01,8\nTEE-B"
        try Data(cut.utf8).write(to: URL(fileURLWithPath: path))
        let sentBefore = Self.sentRows(server).count
        let earlier = AppliedRows(lines: one.appliedLines, verifiedThrough: cut.utf8.count)
        let two = try await feed(server).run(path: path, reportPath: path + ".errors2.csv",
                                             attempt: FeedAttempt(byteLimit: cut.utf8.count, earlier: earlier))
        #expect(two.alreadyApplied == 2, "CAP-NVY and MUG-BLU-01=8 end inside the cut file and were applied")
        #expect(Array(Self.sentRows(server).dropFirst(sentBefore)) == ["TEE-BLK-S=7"], "only the row no longer superseded is sent")
        #expect(server.snapshot().level(sku: "TEE-BLK-S", location: "Default") == 7)
        #expect(server.snapshot().level(sku: "MUG-BLU-01", location: "Default") == 8)

        let cutLines = cut.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let report = try reportRows(try #require(two.reportPath))
        #expect(report.dropFirst().map { $0[$0.count - 3] } == ["2", "6"], "\(report)")
        for row in report.dropFirst() where row[row.count - 2] == "superseded" {
            let later = try #require(row[row.count - 1].components(separatedBy: "on line ").last?.split(separator: ";").first.flatMap { Int($0) })
            #expect(later <= cutLines.count && cutLines[later - 1].hasPrefix(row[0] + ","),
                    "superseded by line \(later), which must exist and hold the same SKU")
        }
        var counts: [String: Int] = [:]
        for row in Self.sentRows(server) { counts[row, default: 0] += 1 }
        #expect(counts.values.allSatisfy { $0 == 1 }, "no row is sent twice: \(counts)")
    }

    @Test func aLastRowWithoutNewlineThatGrowsIsSentAgain() async throws {
        let server = try startSandbox()
        defer { server.stop() }
        let first = "SKU,Level\nMUG-BLU-01,5\nSOCK-3PK,4"
        let (dir, path) = writeTemporary(first)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let one = try await feed(server).run(path: path, reportPath: path + ".errors.csv", attempt: FeedAttempt(byteLimit: first.utf8.count))
        #expect(one.appliedLines == LineSet([2, 3]))

        try append("2\nCAP-NVY,1\n", to: path)
        let earlier = AppliedRows(lines: one.appliedLines, verifiedThrough: first.utf8.count)
        let two = try await feed(server).run(path: path, reportPath: path + ".errors.csv",
                                             attempt: FeedAttempt(byteLimit: first.utf8.count + 12, earlier: earlier))
        #expect(two.alreadyApplied == 1 && two.applied == 3 && two.appliedLines == LineSet([2, 3, 4]))
        #expect(Self.sentRows(server).sorted() == ["CAP-NVY=1", "MUG-BLU-01=5", "SOCK-3PK=4", "SOCK-3PK=42"])
        #expect(server.snapshot().level(sku: "SOCK-3PK", location: "Default") == 42)
    }

    /// Every row Linnworks confirmed reaches `confirmed` (the cursor a restart resumes from): the rows
    /// sent now, and the rows skipped as applied by an earlier attempt, so a crash forgets neither.
    @Test func confirmedLinesIncludeSentAndCarriedRows() async throws {
        let text = "SKU,Level\nMUG-BLU-01,5\nTEE-BLK-S,7\nCAP-NVY,3\nNOT-A-SKU,1\n"
        let server = try startSandbox()
        defer { server.stop() }
        let (dir, path) = writeTemporary(text)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let seen = Mutex<[Int]>([])
        let earlier = AppliedRows(lines: LineSet([2]), verifiedThrough: text.utf8.count)
        let attempt = FeedAttempt(byteLimit: nil, earlier: earlier, confirmed: { lines in seen.withLock { $0 += lines } })
        let summary = try await feed(server).run(path: path, reportPath: path + ".errors.csv", attempt: attempt)
        #expect(summary.alreadyApplied == 1)
        #expect(seen.withLock { $0.sorted() } == [2, 3, 4], "line 2 carried, lines 3 and 4 sent; the unknown SKU on line 5 is not confirmed")
        // Line 2 is not sent again; the unknown SKU is sent, and Linnworks' answer leaves it out.
        #expect(Self.sentRows(server).sorted() == ["CAP-NVY=3", "NOT-A-SKU=1", "TEE-BLK-S=7"])
        #expect(summary.rejected == 1)
    }
}
