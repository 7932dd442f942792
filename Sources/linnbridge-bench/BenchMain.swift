import Foundation

/// `linnbridge-bench`: release-mode figures, compared in one run (machines here are shared and noisy).
///
///     linnbridge-bench csv [--rows N] [--big-mb M] [--dir DIR]   CSV scan / decode / stock validation vs Python's csv
///     linnbridge-bench import [--rows N] [--small-rows M]         the stock feed against the sandbox at time scale 60
///     linnbridge-bench sandbox [pacing|throughput|all] …        client pacing and sandbox throughput
///     linnbridge-bench shipments [--orders N]                    the shipment feed against the sandbox at time scale 60
///     linnbridge-bench export [--orders N] [--skus M]            the open-order export of a synthetic account, peak RSS
///     linnbridge-bench stock-export [--skus N]                 the stock-level export of a 200,000-SKU account, peak RSS
///     linnbridge-bench watch                                     rename-to-first-call latency, a burst of 200 files
///     linnbridge-bench measure MODE FILE                         one measurement in this process (used by `csv`)
@main
struct BenchMain {
    static func main() async {
        var arguments = Array(CommandLine.arguments.dropFirst())
        let mode = arguments.isEmpty ? "csv" : arguments.removeFirst()
        do {
            switch mode {
            case "csv":
                try await CSVBench.run(arguments: arguments)
            case "measure":
                try await Measure.run(arguments: arguments)
            case "import":
                try await ImportBench.run(arguments: arguments)
            case "measure-import":
                try await ImportBench.measure(arguments: arguments)
            case "sandbox":
                try await SandboxBench.run(arguments: arguments)
            case "shipments":
                try await ShipmentBench.run(arguments: arguments)
            case "export":
                try await ExportBench.run(arguments: arguments)
            case "stock-export":
                try await StockExportBench.run(arguments: arguments)
            case "measure-stock-export":
                try await StockExportBench.measure(arguments: arguments)
            case "watch":
                try await WatchBench.run(arguments: arguments)
            default:
                FileHandle.standardError.write(Data("usage: linnbridge-bench csv [--rows N] [--big-mb M] [--dir DIR] | import [--rows N] [--small-rows M] | sandbox [pacing|throughput|all] | shipments [--orders N] | export [--orders N] | stock-export [--skus N] | watch | measure MODE FILE\n".utf8))
                exit(64)
            }
        } catch {
            FileHandle.standardError.write(Data("linnbridge-bench: \(error)\n".utf8))
            exit(1)
        }
    }
}
