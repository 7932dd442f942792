import Bridge
import Foundation
import Linnworks
import Sandbox
import Support

/// The stock feed against the sandbox over HTTP at `--time-scale 60` (the import figures):
/// rows applied per second against the `SetStockLevel` ceiling (batch size × calls per second),
/// 429s served, and the feed's peak RSS for a large and a small file; then the large file with
/// 10 % bad rows, checking the report holds exactly those rows.
///
/// The sandbox runs in this process; the feed runs in a child process so its peak RSS is its own.
enum ImportBench {
    static let timeScale = 60.0

    static func run(arguments: [String]) async throws {
        var rows = 1_000_000
        var smallRows = 10_000
        var dir = ".build/bench-data"
        var iterator = arguments.makeIterator()
        while let argument = iterator.next() {
            switch argument {
            case "--rows": rows = Int(iterator.next() ?? "") ?? rows
            case "--small-rows": smallRows = Int(iterator.next() ?? "") ?? smallRows
            case "--dir": dir = iterator.next() ?? dir
            default: throw BenchError.usage("import [--rows N] [--small-rows M] [--dir DIR]")
            }
        }
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        var options = SandboxOptions()
        options.seed = "synthetic:skus=\(rows),orders=0"
        options.timeScale = timeScale
        let server = try SandboxServer(options: options)
        try server.start()
        defer { server.stop() }
        let limit = Endpoint.setStockLevel.callsPerMinute
        let ceiling = Double(StockFeedOptions().batchSize) * Double(limit) * timeScale / 60
        print("sandbox: \(server.baseURL), \(rows) SKUs, time scale \(Int(timeScale)): SetStockLevel ceiling \(Int(ceiling)) rows/s")

        let big = "\(dir)/import-\(rows).csv", small = "\(dir)/import-\(smallRows).csv", bad = "\(dir)/import-\(rows)-bad.csv"
        try writeFile(big, rows: rows, badEvery: nil)
        try writeFile(small, rows: smallRows, badEvery: nil)
        try writeFile(bad, rows: rows, badEvery: 10)

        let smallRun = try child(small, server)
        report("import \(smallRows) rows", smallRun, ceiling: ceiling)
        let throttledBefore = server.counters().throttled
        let bigRun = try child(big, server)
        report("import \(rows) rows", bigRun, ceiling: ceiling)
        let throttled = server.counters().throttled - throttledBefore
        let badRun = try child(bad, server)
        report("import \(rows) rows, 10 % bad", badRun, ceiling: ceiling)
        let reportLines = try reportedLines(bad + ".errors.csv")
        let expected = (0..<rows).filter { $0 % 10 == 9 }.map { $0 + 2 }
        print("report: \(reportLines.count) rows, \(reportLines == expected ? "exactly" : "NOT exactly") the \(expected.count) bad rows")
        print(String(format: "import: %.0f rows/s = %.1f %% of ceiling, 429s: %d, peak-rss: %.1f MB (%d rows) vs %.1f MB (%d rows): %+.1f %%",
                     bigRun.rowsPerSecond, 100 * bigRun.rowsPerSecond / ceiling, throttled + (server.counters().throttled - throttledBefore - throttled),
                     bigRun.peakMB, rows, smallRun.peakMB, smallRows, 100 * (bigRun.peakMB / smallRun.peakMB - 1)))
    }

    struct Figures {
        var seconds: Double, rows: Int, applied: Int, rejected: Int, calls: Int, peakKB: Int
        var rowsPerSecond: Double { Double(applied) / seconds }
        var peakMB: Double { Double(peakKB) / 1024 }
    }

    static func report(_ name: String, _ f: Figures, ceiling: Double) {
        print(String(format: "%@: %d applied, %d rejected, %d calls in %.1f s = %.0f rows/s (%.1f %% of ceiling), peak RSS %.1f MB",
                     name, f.applied, f.rejected, f.calls, f.seconds, f.rowsPerSecond, 100 * f.rowsPerSecond / ceiling, f.peakMB))
    }

    /// SKUs of the synthetic account (`SYN-000001` …), level by row, all at the 3PL location;
    /// with `badEvery`, every n-th row has a fractional level.
    static func writeFile(_ path: String, rows: Int, badEvery: Int?) throws {
        if FileManager.default.fileExists(atPath: path) { return }
        var text = "SKU,Stock Level,Warehouse\r\n"
        text.reserveCapacity(rows * 40)
        for i in 0..<rows {
            let sku = "SYN-" + String(repeating: "0", count: max(0, 6 - String(i + 1).count)) + String(i + 1)
            let level = badEvery.map { i % $0 == $0 - 1 } == true ? "2.5" : String(i % 500)
            text += "\(sku),\(level),3PL Warehouse\r\n"
        }
        try text.write(toFile: path, atomically: true, encoding: .utf8)
    }

    static func reportedLines(_ path: String) throws -> [Int] {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        return text.split(separator: "\r\n").dropFirst().compactMap { line in
            let cells = line.split(separator: ",", omittingEmptySubsequences: false)
            return cells.count > 3 ? Int(cells[3]) : nil
        }
    }

    static func child(_ file: String, _ server: SandboxServer) throws -> Figures {
        let f = try BenchChild.measure(["measure-import", file], server: server, fields: 6)
        guard let seconds = Double(f[0]), let rows = Int(f[1]), let applied = Int(f[2]), let rejected = Int(f[3]),
              let calls = Int(f[4]), let peak = Int(f[5]) else {
            throw BenchError.child("measure-import printed \(f)")
        }
        return Figures(seconds: seconds, rows: rows, applied: applied, rejected: rejected, calls: calls, peakKB: peak)
    }

    /// The child: the stock feed with the real client (limiter time-scaled like the sandbox).
    static func measure(arguments: [String]) async throws {
        MallocArenas.limit()  // as `linnbridge` does at start
        guard let file = arguments.first, let credentials = Credentials.fromEnvironment(ProcessInfo.processInfo.environment) else {
            throw BenchError.usage("measure-import FILE (with LINNWORKS_* set)")
        }
        var configuration = LinnworksClientConfiguration()
        configuration.timeScale = timeScale
        let client = LinnworksClient(credentials: credentials, configuration: configuration)
        let summary = try await StockFeed(options: StockFeedOptions(), service: client).run(path: file, reportPath: file + ".errors.csv")
        print("\(summary.seconds) \(summary.rowsRead) \(summary.applied) \(summary.rejected) \(summary.apiCalls) \(Measure.peakRSSKilobytes())")
    }
}
