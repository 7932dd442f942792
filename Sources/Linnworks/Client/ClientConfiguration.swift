import Foundation
import Support

/// How the Linnworks client paces, retries and times out.
///
/// Exists so tests and benchmarks can run the same client against a time-scaled sandbox
/// (`timeScale: 60` turns the per-minute limits into per-second ones) while production
/// keeps the documented limits.
public struct LinnworksClientConfiguration: Sendable {
    /// Divides every rate-limit window: 1 is real time, 60 makes "per minute" mean "per second".
    public var timeScale: Double = 1
    /// Per-endpoint overrides of the documented calls per minute.
    public var callsPerMinute: [Endpoint: Int] = [:]
    /// Whether calls are spaced to stay inside the limits; off only to provoke 429s in tests.
    public var isPacingEnabled = true
    public var retry = RetryPolicy()
    /// Seconds before a call with no answer counts as timed out.
    public var requestTimeout: Double = 60
    /// Connections to one host; libcurl churns connections above 4 (Documentation/SwiftOnLinux.md §2).
    public var maxConnectionsPerHost = 4
    /// Sees every attempt (endpoint, status, outcome); never given a secret.
    public var observer: (@Sendable (CallRecord) -> Void)?
    public var userAgent = "LinnBridge/0.1"
    /// Whether order answers go through the fast reader (falling back to `JSONDecoder` when it is
    /// unsure); off, `JSONDecoder` reads everything — for checks that must not trust the fast reader.
    public var usesFastJSONReader = true
    /// The first request on it stops new calls and ends every back-off and pacing wait at once.
    public var shutdown: ShutdownSignal?
    /// Whether calls go through libcurl's easy interface (the default, when it loads) or URLSession.
    public var usesURLSession = ProcessInfo.processInfo.environment["LINNBRIDGE_HTTP"] == "urlsession"

    public init() {}

    /// The limit in force for `endpoint`, before time-scaling.
    public func limit(for endpoint: Endpoint) -> Int {
        callsPerMinute[endpoint] ?? endpoint.callsPerMinute
    }
}

/// How often and how patiently a failed call is tried again.
///
/// Exists to bound the work done against an unwell Linnworks: a few attempts with
/// exponential backoff and jitter, then a typed `unavailable` error for the caller.
public struct RetryPolicy: Sendable {
    /// Attempts for server errors, time-outs and dropped connections, the first included.
    public var maxAttempts = 5
    /// Delay after the first failure; doubles each time, with jitter, up to `maxDelay`.
    public var initialDelay: Double = 0.5
    public var maxDelay: Double = 30
    /// Waits after a 429 before giving up with `throttled`.
    public var maxThrottleWaits = 5
    /// Delay after a 429 without `Retry-After`; doubles each time (Documentation/LinnworksAPI.md §10: from 2 s).
    public var throttleDelay: Double = 2
    /// A `Retry-After` longer than this is not waited out; the call fails as throttled.
    public var maxRetryAfter: Double = 300
    /// Seconds from the first failure of an outage after which no call is tried again (see `RetryBudget`).
    public var budget: Double = 300

    public init() {}

    /// Seconds to wait before attempt `failures + 1`: exponential, with jitter in [50 %, 100 %].
    func delay(afterFailures failures: Int) -> Double {
        let exponential = initialDelay * pow(2, Double(max(0, failures - 1)))
        let capped = min(maxDelay, exponential)
        return capped * Double.random(in: 0.5...1)
    }
}

/// One attempt of one call, as the client's observer sees it.
///
/// Exists for logs and tests: it names the endpoint and what happened, and by construction
/// holds no credential, token or request body.
public struct CallRecord: Sendable, CustomStringConvertible {
    public enum Outcome: String, Sendable {
        case ok, badRequest = "bad_request", unauthorized, throttled, serverError = "server_error"
        case timedOut = "timed_out", connectionLost = "connection_lost", cannotConnect = "cannot_connect"
        case failed, authorized
    }

    public var endpoint: Endpoint
    public var attempt: Int
    public var status: Int?
    public var outcome: Outcome
    public var seconds: Double

    public var description: String {
        let status = self.status.map(String.init) ?? "-"
        let ms = Int(seconds * 1000)
        return "linnworks.call endpoint=\(endpoint.rawValue) attempt=\(attempt) status=\(status) outcome=\(outcome.rawValue) ms=\(ms)"
    }
}
