@testable import Bridge
import CSV
import Foundation
import Linnworks
import Support
import Synchronization
import Testing

/// The spine alone, with stages made up for the test: what every feed gets from it.
@Suite struct FeedPipelineTests {
    /// One row of `SKU,Level`; a level of 99 is refused by "Linnworks", -1 ends the run.
    struct Row: FeedItem {
        var line: Int
        var level: Int
        var lines: [Int] { [line] }
    }

    /// Rows with an empty SKU fail in the first pass (no cells kept), a level "x" in the second;
    /// batches of two, three out at once, answered in reverse order of sending.
    struct Stages: FeedStages {
        typealias Item = Row
        typealias Answer = [Int]
        static var columns: [ColumnSpec] { StockColumns.all }
        var columnAliases: [String: [String]] { [:] }
        var readerOptions: CSVReaderOptions { CSVReaderOptions() }
        var batchSize: Int { 2 }
        var batchesInFlight: Int { 3 }
        var readsAgain: Bool { true }
        let log: Sent

        mutating func prepare(header: HeaderMap, mode: FeedMode, file: FeedSource) async throws(BridgeError) {}

        mutating func scan(_ record: CSVRecord, at position: () -> RecordPosition) -> ScanVerdict {
            guard record[0].trimmedString.isEmpty else { return .kept }
            return .rejected(RowRejection(RowError(line: record.line, code: .missingSKU, message: "no SKU"), cells: nil))
        }

        mutating func accept(_ record: CSVRecord, mode: FeedMode) -> FeedStep<Row> {
            if record[0].trimmedString.isEmpty { return .reject([]) }  // already reported by the scan
            guard let level = Int(record[1].trimmedString) else {
                return .reject([RowRejection(RowError(line: record.line, code: .badLevel, message: "bad level"), cells: record.strings())])
            }
            return .send(Row(line: record.line, level: level))
        }

        func submitter() -> @Sendable ([Row]) async -> [Int] {
            let sent = log
            return { rows in
                CallTally.current?.add()
                let index = sent.batches.withLock { list -> Int in list.append(rows.map(\.line)); return list.count }
                // Later batches answer first.
                try? await Task.sleep(for: .milliseconds(max(0, 40 - 10 * index)))
                return rows.filter { $0.level != 99 }.map(\.line)
            }
        }

        mutating func reconcile(_ batch: [Row], _ answer: [Int]) async -> BatchOutcome {
            var outcome = BatchOutcome(applied: answer)
            for row in batch where !answer.contains(row.line) {
                outcome.rejected.append(RowRejection(RowError(line: row.line, code: .rejectedByLinnworks, message: "refused"), cells: nil))
            }
            if batch.contains(where: { $0.level == -1 }) { outcome.failure = BridgeError(.linnworksUnavailable, "gone") }
            return outcome
        }
    }

    /// The batches sent, as their lines, in sending order.
    final class Sent: Sendable {
        let batches = Mutex<[[Int]]>([])
    }

    static let file = "SKU,Level\nA,1\n,2\nB,x\nC,99\nD,4\nE,5\n,7\nF,6\n"

    func run(_ text: String, attempt: FeedAttempt = FeedAttempt(), mode: FeedMode = .apply)
        async throws(BridgeError) -> (summary: FeedSummary, report: String, sent: [[Int]]) {
        let (dir, path) = writeTemporary(text)
        let stages = Stages(log: Sent())
        let summary = try await FeedPipeline(stages: stages, mode: mode, progress: nil)
            .run(FeedSource(path: path), reportPath: dir + "/report.csv", attempt: attempt)
        return (summary, dir + "/report.csv", stages.log.batches.withLock { $0 })
    }

    @Test func failuresFromEveryStageReachTheReportInLineOrderWithTheirCells() async throws {
        let (summary, report, sent) = try await run(Self.file)
        #expect(summary.rowsRead == 8)
        #expect(summary.applied == 4 && summary.rejected == 4)
        #expect(summary.apiCalls == sent.count && sent.count == 3, "calls counted once, where they are made")
        #expect(summary.appliedLines == LineSet([2, 6, 7, 9]))
        let rows = try reportRows(report)
        #expect(rows[0] == ["SKU", "Level", "line", "error_code", "error"])
        // Line 3's cells were never kept: read back from the file. Line 5 was refused by a batch
        // answered after later ones.
        #expect(rows.dropFirst().map { $0 } == [
            ["", "2", "3", "missing_sku", "no SKU"],
            ["B", "x", "4", "bad_level", "bad level"],
            ["C", "99", "5", "linnworks_rejected", "refused"],
            ["", "7", "8", "missing_sku", "no SKU"],
        ])
    }

    @Test func rowsAnEarlierAttemptAppliedAreSkippedAndCarried() async throws {
        let confirmed = Mutex<[Int]>([])
        let earlier = AppliedRows(lines: LineSet([2, 6]), verifiedThrough: Self.file.utf8.count)
        let attempt = FeedAttempt(earlier: earlier, confirmed: { lines in confirmed.withLock { $0 += lines } })
        let (summary, _, sent) = try await run(Self.file, attempt: attempt)
        #expect(summary.alreadyApplied == 2 && summary.applied == 4)
        #expect(!sent.joined().contains(2) && !sent.joined().contains(6), "not sent again")
        #expect(confirmed.withLock { $0.sorted() } == [2, 6, 7, 9], "carried into this attempt's record, with the new ones")
    }

    @Test func aRunEndingFailureWaitsForBatchesOutAndKeepsWhatTheyConfirmed() async throws {
        let confirmed = Mutex<[Int]>([])
        let text = "SKU,Level\nA,1\nB,2\nC,-1\nD,4\nE,5\nF,6\n"
        do {
            _ = try await run(text, attempt: FeedAttempt(confirmed: { lines in confirmed.withLock { $0 += lines } }))
            Issue.record("the run should have ended")
        } catch {
            #expect(error.code == .linnworksUnavailable)
        }
        #expect(confirmed.withLock { Set($0) }.isSuperset(of: [2, 3]), "the first batch's answer is kept")
    }

    @Test func anAttemptThatSaysStopSendsNothing() async throws {
        let attempt = FeedAttempt(resume: { content in
            #expect(content.bytes == Self.file.utf8.count)
            return .stop
        })
        let (summary, report, sent) = try await run(Self.file, attempt: attempt)
        #expect(summary.stopped && sent.isEmpty && summary.applied == 0)
        #expect(!FileManager.default.fileExists(atPath: report))
    }

    @Test func aCheckCountsWhatWouldBeSent() async throws {
        let (summary, _, sent) = try await run(Self.file, mode: .check(online: false))
        #expect(sent.isEmpty && summary.wouldApply == 5 && summary.rejected == 3)
        #expect(summary.content == nil, "a check does not hash")
    }
}
