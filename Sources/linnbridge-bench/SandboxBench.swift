import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Linnworks
import Sandbox
import Synchronization
import Support

/// `linnbridge-bench sandbox [pacing|throughput|all] [--calls N] [--workers N] [--seconds S] [--time-scale K]`
///
/// Exists to produce the pacing and throughput figures, in release mode, against an in-process
/// sandbox over real loopback sockets:
/// - pacing: N `SetStockLevel` calls through the real client with the limiter and the
///   sandbox both time-scaled; the achieved rate against the ceiling, and the 429s served;
/// - throughput: small requests per second the sandbox serves to 4 concurrent keep-alive clients.
public enum SandboxBench {
    public static func run(arguments: [String]) async throws {
        var mode = "all"
        var calls = 1000
        var workers = 4
        var seconds = 3.0
        var timeScale = 60.0
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            func next() -> String {
                index += 1
                return index < arguments.count ? arguments[index] : ""
            }
            switch argument {
            case "pacing", "throughput", "all": mode = argument
            case "--calls": calls = Int(next()) ?? calls
            case "--workers": workers = max(1, Int(next()) ?? workers)
            case "--seconds": seconds = Double(next()) ?? seconds
            case "--time-scale": timeScale = Double(next()) ?? timeScale
            default: throw SandboxError.usage("unknown bench argument '\(argument)'")
            }
            index += 1
        }
        if mode == "pacing" || mode == "all" {
            try await pacing(calls: calls, workers: workers, timeScale: timeScale)
        }
        if mode == "throughput" || mode == "all" {
            try await throughput(workers: workers, seconds: seconds)
        }
    }

    /// N `SetStockLevel` calls at the time-scaled limit of 250 per minute.
    static func pacing(calls: Int, workers: Int, timeScale: Double) async throws {
        var options = SandboxOptions()
        options.seed = "synthetic:skus=1000,orders=10"
        options.timeScale = timeScale
        let server = try SandboxServer(options: options)
        try server.start()
        defer { server.stop() }
        var configuration = LinnworksClientConfiguration()
        configuration.timeScale = timeScale
        let client = LinnworksClient(credentials: server.credentials(), configuration: configuration)
        try await client.authorize()
        let next = SharedCounter()
        let started = ContinuousClock.now
        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<workers {
                group.addTask {
                    while true {
                        let call = next.take()
                        if call >= calls { return }
                        let sku = String(format: "SYN-%06d", call % 1000 + 1)
                        _ = try await client.setStockLevel([StockLevelUpdate(
                            sku: sku, locationID: SyntheticAccount.warehouseLocationID, level: call % 97)])
                    }
                }
            }
            try await group.waitForAll()
        }
        let elapsed = seconds(ContinuousClock.now - started)
        let limit = Double(Endpoint.setStockLevel.callsPerMinute)
        let window = 60 / timeScale
        let ceiling = limit / window
        let rate = Double(calls) / elapsed
        // The sliding window lets call k+L start no sooner than one window after call k.
        let shortest = Double((calls - 1) / Int(limit)) * window
        let counters = server.counters()
        print("sandbox pacing: \(calls) SetStockLevel calls, \(workers) workers, time scale \(fmt(timeScale))")
        print("  elapsed \(fmt(elapsed)) s; rate \(fmt(rate)) calls/s = \(fmt(100 * rate / ceiling))% of the ceiling (\(fmt(ceiling))/s)")
        print("  shortest duration the sliding window allows: \(fmt(shortest)) s = \(fmt(100 * shortest / elapsed))% of elapsed")
        print("  429s served: \(counters.throttled); SetStockLevel calls served: \(counters.calls(.setStockLevel))")
    }

    /// Small authenticated GETs and POSTs from `workers` keep-alive connections for `seconds` each.
    static func throughput(workers: Int, seconds duration: Double) async throws {
        var options = SandboxOptions()
        options.isRateLimited = false
        options.keepsCallRecords = false
        let server = try SandboxServer(options: options)
        let port = try server.start()
        defer { server.stop() }
        let client = LinnworksClient(credentials: server.credentials())
        try await client.authorize()
        let token = try await sessionToken(server)
        let body = "stockLevels=" + "[{\"SKU\":\"MUG-BLU-01\",\"LocationId\":\"\(SyntheticAccount.warehouseLocationID)\",\"Level\":5}]"
            .addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
        let requests: [(String, [UInt8])] = [
            ("GET Inventory/GetStockLocations",
             Array("GET /api/Inventory/GetStockLocations HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: \(token)\r\n\r\n".utf8)),
            ("POST Stock/SetStockLevel (1 row, form)",
             Array(("POST /api/Stock/SetStockLevel HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: \(token)\r\n"
                    + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: \(body.utf8.count)\r\n\r\n" + body).utf8)),
        ]
        for (name, request) in requests {
            let (count, failures, elapsed) = await load(port: port, request: request, workers: workers, seconds: duration)
            print("sandbox throughput: \(name): \(count) requests in \(fmt(elapsed)) s from \(workers) keep-alive clients = \(fmt(Double(count) / elapsed)) req/s (\(failures) failed)")
        }
        let viaURLSession = try await urlSessionLoad(server: server, token: token, workers: workers, seconds: duration)
        print("sandbox throughput: GET Inventory/GetStockLocations via URLSession, \(workers) concurrent tasks = \(fmt(viaURLSession)) req/s")
    }

    /// Runs `workers` blocking clients on their own threads (the cooperative pool has only 2).
    static func load(port: Int, request: [UInt8], workers: Int, seconds duration: Double) async -> (Int, Int, Double) {
        let totals = SharedTotals()
        let started = ContinuousClock.now
        let deadline = started + .nanoseconds(Int64(duration * 1e9))
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let remaining = SharedCounter(workers)
            for _ in 0..<workers {
                let thread = Thread {
                    var ok = 0
                    var failed = 0
                    if var client = SandboxLoadClient(port: port) {
                        while ContinuousClock.now < deadline {
                            if client.exchange(request) == 200 { ok += 1 } else { failed += 1; break }
                        }
                        client.close()
                    } else {
                        failed += 1
                    }
                    totals.add(ok: ok, failed: failed)
                    if remaining.take() == 1 { continuation.resume() }
                }
                thread.start()
            }
        }
        let result = totals.read()
        return (result.ok, result.failed, seconds(ContinuousClock.now - started))
    }

    static func urlSessionLoad(server: SandboxServer, token: String, workers: Int, seconds duration: Double) async throws -> Double {
        let config = URLSessionConfiguration.ephemeral
        config.httpMaximumConnectionsPerHost = workers
        let session = URLSession(configuration: config)
        var prepared = URLRequest(url: URL(string: server.baseURL + "/api/Inventory/GetStockLocations")!)
        prepared.setValue(token, forHTTPHeaderField: "Authorization")
        let request = prepared
        let started = ContinuousClock.now
        let deadline = started + .nanoseconds(Int64(duration * 1e9))
        let count = try await withThrowingTaskGroup(of: Int.self) { group in
            for _ in 0..<workers {
                group.addTask {
                    var done = 0
                    while ContinuousClock.now < deadline {
                        let (_, response) = try await session.data(for: request)
                        if (response as? HTTPURLResponse)?.statusCode == 200 { done += 1 }
                    }
                    return done
                }
            }
            return try await group.reduce(0, +)
        }
        return Double(count) / seconds(ContinuousClock.now - started)
    }

    /// Opens a session the way the SDK does, to get a token for the raw clients.
    static func sessionToken(_ server: SandboxServer) async throws -> String {
        let body = "{\"ApplicationId\":\"\(SandboxDefaults.applicationID)\",\"ApplicationSecret\":\"\(SandboxDefaults.applicationSecret)\",\"Token\":\"\(SandboxDefaults.installationToken)\"}"
        var request = URLRequest(url: URL(string: server.baseURL + "/api/Auth/AuthorizeByApplication")!)
        request.httpMethod = "POST"
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        request.httpBody = Data(body.utf8)
        let (data, _) = try await URLSession.shared.data(for: request)
        let session = try JSONDecoder().decode(BaseSession.self, from: data)
        guard let token = session.token else { throw SandboxError.usage("the sandbox gave no session token") }
        return token
    }

    static func seconds(_ duration: Duration) -> Double {
        duration.inSeconds
    }

    static func fmt(_ value: Double) -> String { String(format: "%.1f", value) }
}

/// A counter shared by worker threads: `take()` returns the value and moves it on by one
/// (up for a work queue, down for a countdown made with a start value).
final class SharedCounter: Sendable {
    private let value: Mutex<Int>
    private let step: Int

    init() {
        value = Mutex(0)
        step = 1
    }

    init(_ start: Int) {
        value = Mutex(start)
        step = -1
    }

    func take() -> Int {
        value.withLock { current in
            defer { current += step }
            return current
        }
    }
}

/// Requests answered and failed, summed over worker threads.
final class SharedTotals: Sendable {
    private let totals = Mutex((ok: 0, failed: 0))

    func add(ok: Int, failed: Int) { totals.withLock { $0.ok += ok; $0.failed += failed } }

    func read() -> (ok: Int, failed: Int) { totals.withLock { $0 } }
}
