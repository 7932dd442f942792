import Bridge
import Foundation
import Linnworks
import Sandbox
import Support

/// The stock-level export of a large synthetic account ("paged in bounded memory, for
/// accounts with 100k+ SKUs"): peak RSS of the export for a big and a small account, same run.
///
/// The sandbox runs in this process at time scale 60; the export runs in a child process (this
/// binary, `measure-stock-export`) with the real client paced at the same scale, so its peak RSS
/// is its own.
enum StockExportBench {
    static let timeScale = 60.0

    static func run(arguments: [String]) async throws {
        var skus = 200_000
        var smallSKUs = 2_000
        var iterator = arguments.makeIterator()
        while let argument = iterator.next() {
            switch argument {
            case "--skus": skus = Int(iterator.next() ?? "") ?? skus
            case "--small-skus": smallSKUs = Int(iterator.next() ?? "") ?? smallSKUs
            default: throw BenchError.usage("stock-export [--skus N] [--small-skus M]")
            }
        }
        var lines: [String] = []
        var peaks: [Int] = []
        for count in [smallSKUs, skus] {
            var options = SandboxOptions()
            options.seed = "synthetic:skus=\(count),orders=0"
            options.timeScale = timeScale
            let server = try SandboxServer(seed: try options.loadSeed(), options: options)
            try server.start()
            defer { server.stop() }
            let dir = NSTemporaryDirectory() + "linnbridge-bench-stock-export-\(getpid())-\(count)"
            defer { try? FileManager.default.removeItem(atPath: dir) }
            let figures = try child(outbox: dir, server)
            peaks.append(figures.peakKB)
            let calls = server.counters().callsByEndpoint
            lines.append(String(format: "stock-levels export, %d SKUs: %d rows in %.1f s, %d calls, 429s %d, peak RSS %.1f MB; "
                                + "rate-limit minimum %.1f s spaced at the limits, %.1f s with first-window bursts",
                                count, figures.rows, figures.seconds, figures.calls, server.counters().throttled,
                                Double(figures.peakKB) / 1024, ExportBench.pacedMinimumSeconds(calls),
                                ExportBench.burstMinimumSeconds(calls)))
            print(lines.last!)
        }
        print(String(format: "stock-export: peak RSS %.1f MB (%d SKUs) vs %.1f MB (%d SKUs): %+.1f %%",
                     Double(peaks[1]) / 1024, skus, Double(peaks[0]) / 1024, smallSKUs,
                     (Double(peaks[1]) / Double(max(1, peaks[0])) - 1) * 100))
    }

    struct Figures {
        var seconds: Double
        var rows: Int
        var calls: Int
        var peakKB: Int
    }

    static func child(outbox: String, _ server: SandboxServer) throws -> Figures {
        let f = try BenchChild.measure(["measure-stock-export", outbox], server: server, fields: 4)
        guard let seconds = Double(f[0]), let rows = Int(f[1]), let calls = Int(f[2]), let peak = Int(f[3]) else {
            throw BenchError.child("measure-stock-export printed \(f)")
        }
        return Figures(seconds: seconds, rows: rows, calls: calls, peakKB: peak)
    }

    /// The child: the stock-level export with the real client, paced like the sandbox.
    static func measure(arguments: [String]) async throws {
        MallocArenas.limit()  // as `linnbridge` does at start
        guard let outbox = arguments.first, let credentials = Credentials.fromEnvironment(ProcessInfo.processInfo.environment) else {
            throw BenchError.usage("measure-stock-export OUTBOX (with LINNWORKS_* set)")
        }
        var configuration = LinnworksClientConfiguration()
        configuration.timeScale = timeScale
        let client = LinnworksClient(credentials: credentials, configuration: configuration)
        let summary = try await StockLevelExport(options: .init(outbox: outbox), client: client).run()
        print("\(summary.seconds) \(summary.rows) \(summary.apiCalls) \(Measure.peakRSSKilobytes())")
    }
}
