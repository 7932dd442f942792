import Bridge
import CSV
import Foundation
import Support

/// One measurement in this process; prints `bytes seconds rows valid rejected checksum peak_rss_kb`.
///
/// Run as a child of `csv` so each mode's peak RSS is its own.
enum Measure {
    static func run(arguments: [String]) async throws {
        guard arguments.count == 2 else { throw BenchError.usage("measure MODE FILE") }
        let mode = arguments[0], path = arguments[1]
        let size = (try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        let clock = ContinuousClock()
        let started = clock.now
        var rows = 0, valid = 0, rejected = 0, checksum = 0
        let reader = try CSVReader(path: path)
        switch mode {
        case "scan":
            while let record = try reader.nextRecord() {
                rows += 1
                checksum &+= record.count
            }
        case "decode":
            guard let header = try reader.nextRecord() else { break }
            let map = try HeaderMap(headers: header.strings(), columns: StockColumns.all)
            let sku = map.index(of: StockColumns.sku)!, level = map.index(of: StockColumns.level)!
            let location = map.index(of: StockColumns.location)!
            while let record = try reader.nextRecord() {
                rows += 1
                guard record.problem == nil else { continue }
                checksum &+= record[sku].trimmedString.utf8.count &+ record[level].trimmedString.utf8.count
                    &+ record[location].trimmedString.utf8.count
            }
        case "validate":
            guard let header = try reader.nextRecord() else { break }
            let map = try HeaderMap(headers: header.strings(), columns: StockColumns.all)
            var validator = StockRowValidator(header: map)
            while let record = try reader.nextRecord() {
                rows += 1
                switch validator.validate(record) {
                case let .success(row):
                    valid += 1
                    checksum &+= row.level &+ row.sku.utf8.count
                case .failure:
                    rejected += 1
                }
            }
        case "check":
            // `linnbridge check` offline: both passes, superseded rows, the report.
            let report = NSTemporaryDirectory() + "linnbridge-bench-\(getpid()).errors.csv"
            defer { try? FileManager.default.removeItem(atPath: report) }
            let summary = try await StockFeed(options: StockFeedOptions(mode: .check(online: false)), service: nil)
                .run(path: path, reportPath: report)
            rows = summary.rowsRead
            valid = summary.wouldApply
            rejected = summary.rejected
        default:
            throw BenchError.usage("unknown mode \(mode)")
        }
        let elapsed = clock.now - started
        let seconds = elapsed.inSeconds
        print("\(size) \(seconds) \(rows) \(valid) \(rejected) \(checksum) \(peakRSSKilobytes())")
    }

    /// VmHWM: the most resident memory this process has had.
    static func peakRSSKilobytes() -> Int {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return 0 }
        for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
            return Int(line.split(separator: " ", omittingEmptySubsequences: true)[1]) ?? 0
        }
        return 0
    }
}

enum BenchError: Error, CustomStringConvertible {
    case usage(String)
    case child(String)
    var description: String {
        switch self {
        case let .usage(text): return "usage: \(text)"
        case let .child(text): return text
        }
    }
}
