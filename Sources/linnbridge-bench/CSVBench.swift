import Foundation

/// The CSV figures: scan, decode and stock validation of a 5-million-row file as MB/s
/// and peak RSS, Python's csv module doing the same validation on the same file, and peak RSS of
/// validation for a 10 MB and a 1 GB input (memory must stay flat).
enum CSVBench {
    struct Figures {
        var bytes: Int, seconds: Double, rows: Int, valid: Int, rejected: Int, checksum: Int, peakKB: Int
        var megabytesPerSecond: Double { Double(bytes) / 1_000_000 / seconds }
        var peakMB: Double { Double(peakKB) / 1024 }
    }

    static func run(arguments: [String]) async throws {
        var rows = 5_000_000
        var bigMB = 1024
        var dir = ".build/bench-data"
        var iterator = arguments.makeIterator()
        while let argument = iterator.next() {
            switch argument {
            case "--rows": rows = Int(iterator.next() ?? "") ?? rows
            case "--big-mb": bigMB = Int(iterator.next() ?? "") ?? bigMB
            case "--dir": dir = iterator.next() ?? dir
            default: throw BenchError.usage("csv [--rows N] [--big-mb M] [--dir DIR]")
            }
        }
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let main = "\(dir)/stock-\(rows).csv", small = "\(dir)/stock-10mb.csv", big = "\(dir)/stock-\(bigMB)mb.csv"
        try ensure(main) { try StockFileGenerator.write(path: main, rows: rows) }
        try ensure(small) { try StockFileGenerator.write(path: small, rows: .max, targetBytes: 10_000_000) }
        try ensure(big) { try StockFileGenerator.write(path: big, rows: .max, targetBytes: bigMB * 1_000_000) }

        let scan = try child(["measure", "scan", main])
        report("scan", scan)
        let decode = try child(["measure", "decode", main])
        report("scan+decode", decode)
        let validate = try child(["measure", "validate", main])
        report("stock-validate", validate)
        let python = try python(main)
        report("python-csv", python)
        if (python.rows, python.valid, python.rejected, python.checksum) != (validate.rows, validate.valid, validate.rejected, validate.checksum) {
            print("WARNING: Python and Swift disagree: python rows/valid/rejected/checksum \(python.rows)/\(python.valid)/\(python.rejected)/\(python.checksum), swift \(validate.rows)/\(validate.valid)/\(validate.rejected)/\(validate.checksum)")
        } else {
            print("agreement: both read \(validate.rows) rows, \(validate.valid) valid, \(validate.rejected) rejected, same checksum")
        }
        let check = try child(["measure", "check", main])
        report("linnbridge-check", check)
        let pythonCheck = try runProcess("/usr/bin/env", ["python3", "-c", PythonStockValidator.checkScript, main])
        report("python-check", pythonCheck)
        if (check.rows, check.valid, check.rejected) != (pythonCheck.rows, pythonCheck.valid, pythonCheck.rejected) {
            print("WARNING: check disagrees: python \(pythonCheck.rows)/\(pythonCheck.valid)/\(pythonCheck.rejected), swift \(check.rows)/\(check.valid)/\(check.rejected)")
        }
        print(String(format: "check: %.0f MB/s, python-check: %.0f MB/s, ratio: %.1f, peak-rss: %.1f MB",
                     check.megabytesPerSecond, pythonCheck.megabytesPerSecond,
                     check.megabytesPerSecond / pythonCheck.megabytesPerSecond, check.peakMB))
        let smallFigures = try child(["measure", "validate", small])
        report("validate 10 MB", smallFigures)
        let bigFigures = try child(["measure", "validate", big])
        report("validate \(bigMB) MB", bigFigures)
        print(String(format: "memory: peak RSS %.1f MB for %.0f MB input vs %.1f MB for %.0f MB input: difference %.1f MB",
                     bigFigures.peakMB, Double(bigFigures.bytes) / 1e6, smallFigures.peakMB, Double(smallFigures.bytes) / 1e6,
                     bigFigures.peakMB - smallFigures.peakMB))
        print(String(format: "stock-validate: %.0f MB/s, python-csv: %.0f MB/s, ratio: %.1f, peak-rss: %.1f MB",
                     validate.megabytesPerSecond, python.megabytesPerSecond,
                     validate.megabytesPerSecond / python.megabytesPerSecond, validate.peakMB))
    }

    static func ensure(_ path: String, create: () throws -> Any) throws {
        if FileManager.default.fileExists(atPath: path) { return }
        FileHandle.standardError.write(Data("generating \(path)…\n".utf8))
        _ = try create()
    }

    static func report(_ name: String, _ f: Figures) {
        print(String(format: "%@: %.0f MB/s (%.2f s for %.1f MB, %d rows), peak RSS %.1f MB",
                     name, f.megabytesPerSecond, f.seconds, Double(f.bytes) / 1e6, f.rows, f.peakMB))
    }

    static func child(_ arguments: [String]) throws -> Figures {
        try runProcess(BenchChild.bench.path, arguments)
    }

    static func python(_ path: String) throws -> Figures {
        try runProcess("/usr/bin/env", ["python3", "-c", PythonStockValidator.script, path])
    }

    static func runProcess(_ executable: String, _ arguments: [String]) throws -> Figures {
        let fields = try BenchChild.fields(of: URL(fileURLWithPath: executable), arguments, count: 7)
        guard let bytes = Int(fields[0]), let seconds = Double(fields[1]), let rows = Int(fields[2]),
              let valid = Int(fields[3]), let rejected = Int(fields[4]), let checksum = Int(fields[5]),
              let peak = Int(fields[6]) else {
            throw BenchError.child("\(executable) \(arguments.first ?? "") printed \(fields)")
        }
        return Figures(bytes: bytes, seconds: seconds, rows: rows, valid: valid, rejected: rejected, checksum: checksum, peakKB: peak)
    }
}
