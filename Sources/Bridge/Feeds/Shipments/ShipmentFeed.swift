import CSV
import Foundation
import Linnworks
import Support

/// The shipment feed: a 3PL's shipment confirmations in, tracking numbers set and orders
/// processed in Linnworks — each exactly once — and a report of the rows that failed.
///
/// Stages: parse → map → row rules (`ShipmentRowValidator`) → group rows by order reference →
/// resolve orders (`OrderDirectory`: bulk index or per-reference look-ups) → order rules
/// (`OrderPlan`) → `SetOrderShippingInfo` per order (up to `maxInFlight` at once) → for the orders
/// whose shipping info was set, `ProcessOrdersInBatch` in batches of ≤ 200 with the journal's
/// intent written before and its outcome after → report. Shipping info always goes first:
/// a processed order cannot be changed.
public struct ShipmentFeed: Sendable {
    public let options: ShipmentFeedOptions
    public let client: LinnworksClient?

    public init(options: ShipmentFeedOptions, client: LinnworksClient?) {
        self.options = options
        self.client = client
    }

    /// `attempt` bounds the read of the file and names the rows an earlier attempt applied.
    public func run(path: String, reportPath: String, attempt: FeedAttempt = FeedAttempt()) async throws(FeedError) -> FeedSummary {
        let started = ContinuousClock.now
        var summary = FeedSummary(file: path)
        let input = try FeedInput.open(path, columns: ShipmentColumns.all, aliases: options.columnAliases, options: options.reader,
                                       byteLimit: attempt.byteLimit, hashing: options.mode == .apply)
        let report = ErrorReport(destination: reportPath, inputHeader: input.headers)
        let matcher = OrderReferenceMatcher(prefixes: options.stripPrefixes, suffixes: options.stripSuffixes)
        let groups = try readGroups(input.reader, header: input.header, matcher: matcher, report: report, attempt: attempt,
                                    summary: &summary)
        summary.readThrough = input.readThrough

        if options.mode == .check(online: false) {
            summary.wouldApply = groups.reduce(0) { $0 + $1.rows.count }
            return try finish(report, summary, started)
        }
        guard let client else { throw .configuration("no Linnworks credentials to look orders up with") }
        var run = ShipmentRun(options: options, client: client, report: report, matcher: matcher)
        do {
            // The journal is named by the bytes this attempt read, not by the file as it may be now.
            try await run.perform(groups: groups, path: path, contentHash: input.source.hash?.value, summary: &summary)
        } catch {
            report.discard()
            throw error
        }
        return try finish(report, summary, started)
    }

    private func readGroups(_ reader: CSVReader, header: HeaderMap, matcher: OrderReferenceMatcher,
                            report: ErrorReport, attempt: FeedAttempt,
                            summary: inout FeedSummary) throws(FeedError) -> [(key: String, rows: [ShipmentRow])] {
        let validator = ShipmentRowValidator(header: header)
        var groups: [(key: String, rows: [ShipmentRow])] = []
        var position: [String: Int] = [:]
        do {
            while let record = try reader.nextRecord() {
                summary.rowsRead += 1
                if attempt.alreadyApplied(line: record.line, end: reader.lastRecordEnd, terminated: reader.lastRecordEndedWithTerminator) {
                    // Its order was finished by an earlier attempt and the row is unchanged: keep it out
                    // of the grouping, so the order is neither sent again nor judged on this row.
                    summary.applied += 1
                    summary.alreadyApplied += 1
                    summary.appliedLines.insert(record.line)
                    continue
                }
                switch validator.validate(record) {
                case .voided:
                    summary.skipped += 1
                case let .rejected(error):
                    report.add(line: record.line, cells: record.strings(), error: error)
                    summary.rejected += 1
                case let .row(row):
                    let key = matcher.key(row.reference)
                    if let index = position[key] {
                        groups[index].rows.append(row)
                    } else {
                        position[key] = groups.count
                        groups.append((key, [row]))
                    }
                }
            }
        } catch {
            throw .fileRejected(file: summary.file, reason: "reading stopped: \(error)")
        }
        return groups
    }

    private func finish(_ report: ErrorReport, _ summary: FeedSummary, _ started: ContinuousClock.Instant) throws(FeedError) -> FeedSummary {
        var summary = summary
        do {
            summary.reportPath = try report.finish()
        } catch {
            throw .cannotWrite(path: report.destination, reason: error.reason, applied: summary.applied)
        }
        let elapsed = ContinuousClock.now - started
        summary.seconds = elapsed.inSeconds
        return summary
    }
}
