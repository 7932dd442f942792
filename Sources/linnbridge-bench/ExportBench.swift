import Bridge
import CSV
import Foundation
import Linnworks
import Sandbox
import Synchronization
#if canImport(Glibc)
import Glibc
import Support
#endif

/// The open-order export of a synthetic account against the sandbox at `--time-scale 60`
/// (the export figures): seconds, calls, the least time the rate limits allow for those calls,
/// peak RSS, and whether the file reads back through our own CSV reader with every value equal.
///
/// The sandbox runs in this process; the export is the real `linnbridge export open-orders`
/// (the binary beside this one) in a child process, so its peak RSS is its own. That child's
/// client paces at the documented, unscaled limits, which is stricter than the sandbox's.
enum ExportBench {
    static let timeScale = 60.0

    static func run(arguments: [String]) async throws {
        var orders = 20_000
        var skus = 2_000
        var dir = ".build/bench-data/export"
        var iterator = arguments.makeIterator()
        while let argument = iterator.next() {
            switch argument {
            case "--orders": orders = Int(iterator.next() ?? "") ?? orders
            case "--skus": skus = Int(iterator.next() ?? "") ?? skus
            case "--dir": dir = iterator.next() ?? dir
            default: throw BenchError.usage("export [--orders N] [--skus M] [--dir DIR]")
            }
        }
        try? FileManager.default.removeItem(atPath: dir)
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        var options = SandboxOptions()
        options.seed = "synthetic:skus=\(skus),orders=\(orders)"
        options.timeScale = timeScale
        let seed = try options.loadSeed()
        let server = try SandboxServer(seed: seed, options: options)
        try server.start()
        defer { server.stop() }
        print("sandbox: \(server.baseURL), \(orders) orders, \(skus) SKUs, time scale \(Int(timeScale))")

        let started = ContinuousClock.now
        let (status, log, peakKB) = try child(in: dir, server)
        let elapsed = started.duration(to: .now)
        let seconds = elapsed.inSeconds
        guard status == 0 else { throw BenchError.child("export failed (\(status)): \(log)") }
        let calls = server.counters().callsByEndpoint
        let burst = burstMinimumSeconds(calls)
        let paced = pacedMinimumSeconds(calls)
        print("export log: \(log.trimmingCharacters(in: .whitespacesAndNewlines))")
        print("calls: " + calls.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " "))
        print(String(format: "export: %.2f s wall (child, process start to exit), 429s %d, peak RSS %.1f MB",
                     seconds, server.counters().throttled, Double(peakKB) / 1024))
        print(String(format: "rate-limit minimum: %.2f s with every call spaced at its endpoint's limit -> wall/minimum %.2f",
                     paced, seconds / paced))
        print(String(format: "  (%.2f s if the first window's whole allowance went out at once)", burst))
        print("round trip: " + (try roundTrip(dir + "/outbox", seed: seed)))
        if let file = try FileManager.default.contentsOfDirectory(atPath: dir + "/outbox").first(where: { $0.hasSuffix(".csv") }) {
            print("every value: " + (try await ExportRoundTrip.compare(file: dir + "/outbox/" + file, server: server,
                                                                      timeScale: timeScale)))
        }
    }

    /// Seconds the limits force on these calls at the time scale if each endpoint's calls go out
    /// evenly spaced at its limit (250 a minute: one per 4 ms at x60). The export's steps run one
    /// after another (details, then tags once the file is published), so the endpoints' times add up.
    static func pacedMinimumSeconds(_ calls: [String: Int]) -> Double {
        let window = 60 / timeScale
        return Endpoint.allCases.reduce(0) { total, endpoint in
            total + Double(calls[endpoint.rawValue] ?? 0) * window / Double(endpoint.callsPerMinute)
        }
    }

    /// The same if the sliding window's first allowance could go out in one burst: every call
    /// past the first window's allowance waits a window.
    static func burstMinimumSeconds(_ calls: [String: Int]) -> Double {
        let window = 60 / timeScale
        return Endpoint.allCases.map { endpoint -> Double in
            let n = calls[endpoint.rawValue] ?? 0
            let limit = endpoint.callsPerMinute
            return n <= limit ? 0 : Double((n - 1) / limit) * window
        }.max() ?? 0
    }

    /// Every row's order id, number, SKU and quantity equal the seed's; every eligible order present.
    static func roundTrip(_ outbox: String, seed: SandboxSeed) throws -> String {
        let files = try FileManager.default.contentsOfDirectory(atPath: outbox).filter { $0.hasSuffix(".csv") }
        guard let file = files.first, files.count == 1 else { return "expected one file, found \(files)" }
        let byID = Dictionary(uniqueKeysWithValues: seed.orders.map { ($0.id.lowercased(), $0) })
        let reader = try CSVReader(path: outbox + "/" + file)
        guard let header = try reader.nextRecord() else { return "empty file" }
        let names = (0..<header.count).map { header[$0].string }
        guard names == OpenOrderColumn.standard.map(\.rawValue) else { return "unexpected header" }
        var rows = 0, mismatches = 0
        var seen = Set<String>()
        while let record = try reader.nextRecord() {
            rows += 1
            let values = (0..<record.count).map { record[$0].string }
            guard let order = byID[values[0]] else { mismatches += 1; continue }
            seen.insert(values[0])
            let line = order.items.first { $0.sku == values[21] }
            if values[1] != String(order.number) || line == nil || values[23] != String(line!.quantity)
                || values[2] != order.reference || values[10] != order.customer.fullName || values[25] != order.currency {
                mismatches += 1
            }
        }
        let eligible = seed.orders.filter { $0.location == "3PL Warehouse" && $0.isParked != true && $0.isProcessed != true }
        let expectedRows = eligible.reduce(0) { $0 + $1.items.count }
        return "\(file): \(rows) rows (expected \(expectedRows)), \(seen.count) orders (expected \(eligible.count)), \(mismatches) mismatches"
    }

    static func child(in dir: String, _ server: SandboxServer) throws -> (Int32, String, Int) {
        let process = Process()
        process.executableURL = BenchChild.linnbridge
        process.arguments = ["export", "open-orders", "--out", "outbox"]
        process.currentDirectoryURL = URL(fileURLWithPath: dir)
        process.environment = BenchChild.environment(for: server)
        let pipe = Pipe()
        process.standardError = pipe
        try process.run()
        // Polled from /proc rather than taken from getrusage: Foundation forks this process (which
        // holds the whole sandbox) before exec, and RUSAGE_CHILDREN would count that copy.
        let pid = process.processIdentifier
        let peak = PeakWatcher()
        let watcher = Thread {
            while peak.isRunning { peak.observe(highWaterKilobytes(pid)); usleep(20_000) }
        }
        watcher.start()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        peak.stop()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self), peak.kilobytes)
    }

    /// VmHWM of a running process, 0 once it is gone.
    static func highWaterKilobytes(_ pid: Int32) -> Int {
        // Before exec the child is still a copy of this process; only count it once it is linnbridge.
        guard let exe = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/\(pid)/exe"),
              exe.hasSuffix("/linnbridge") else { return 0 }
        guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8) else { return 0 }
        for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
            return Int(line.split(separator: " ").dropFirst().first ?? "") ?? 0
        }
        return 0
    }
}

/// The child's highest VmHWM seen so far, shared with the polling thread.
final class PeakWatcher: Sendable {
    private let state = Mutex((running: true, kilobytes: 0))
    var isRunning: Bool { state.withLock { $0.running } }
    var kilobytes: Int { state.withLock { $0.kilobytes } }
    func observe(_ value: Int) { state.withLock { $0.kilobytes = max($0.kilobytes, value) } }
    func stop() { state.withLock { $0.running = false } }
}
