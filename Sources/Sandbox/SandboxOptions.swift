import Foundation
import Linnworks
import Support

/// How to run the sandbox: the options of `linnbridge sandbox`, also used when embedded.
///
/// Exists so the command line, `linnbridge demo` and the tests configure the sandbox the
/// same way. `parse(arguments:)` accepts `--opt value` and `--opt=value`.
public struct SandboxOptions: Sendable {
    /// Loopback port; 0 picks a free one.
    public var port = 0
    /// The seed account file, or `synthetic:skus=N,orders=M[,seed=S]` for a generated account.
    public var seed = SandboxDefaults.seedPath
    /// Divides every rate-limit window: 60 turns "per minute" into "per second".
    public var timeScale: Double = 1
    public var faults = FaultPlan.none
    /// Where to append the JSONL call log; nil for none.
    public var logPath: String?
    /// Idle time after which a session is refused with 401 (Linnworks: 20 minutes).
    public var sessionIdleTimeout: Duration = .seconds(20 * 60)
    /// Off only for throughput measurements.
    public var isRateLimited = true
    /// Per-endpoint overrides of the documented calls per minute (before time-scaling).
    public var callsPerMinute: [Endpoint: Int] = [:]
    /// Off to test a client against a 429 that carries no `Retry-After` (Documentation/LinnworksAPI.md §10).
    public var sendsRetryAfter = true
    /// Whether call records are also kept in memory (for `callRecords()`); capped at 200,000.
    public var keepsCallRecords = true

    public init() {}

    public static let usage = """
    Usage: linnbridge sandbox [--port N] [--seed FILE] [--time-scale K] [--faults SPEC] [--log FILE]
                              [--session-idle SECONDS] [--no-rate-limits]
    """

    public static let help = """
    OVERVIEW: Run the Linnworks sandbox alone, on 127.0.0.1. Prints its address and serves until stopped.

    \(usage)

    OPTIONS:
      --port N               Port on 127.0.0.1 (default 0: a free port, printed on start).
      --seed FILE            Seed account (default \(SandboxDefaults.seedPath)); or
                             synthetic:skus=N,orders=M[,seed=S] for a generated account.
      --time-scale K         Divide rate-limit windows by K (60: limits per second), 0.001 to 10000.
                             Default 1.
      --faults SPEC          Inject faults, e.g. seed=7,error-before=0.05,error-after=0.05,drop=0.02,
                             drop-after=0.01,latency=0.05:200ms,expire-every=40,only=SetStockLevel,max=10
      --log FILE             Append a JSONL line per call (endpoint, status, parameters; no secrets).
      --session-idle SECONDS Idle session expiry (default 1200; above 0, at most 604800).
      --no-rate-limits       Serve without 429s (throughput measurements only).
      -h, --help             Show this help.

    """

    /// `--time-scale`'s bounds: a one-minute window stays between 6 ms and about 16.7 hours.
    public static let timeScaleRange: ClosedRange<Double> = 0.001...10_000

    /// The options `linnbridge sandbox` takes (without dashes), and whether each takes a value.
    public static let optionNames: [String: Bool] = ["port": true, "seed": true, "time-scale": true, "faults": true,
                                                      "log": true, "session-idle": true, "no-rate-limits": false]

    /// Parses the arguments after `sandbox`; `--help` is the caller's to handle.
    public static func parse(arguments: [String]) throws(SandboxError) -> SandboxOptions {
        let tokens: CommandLineTokens
        do {
            tokens = try CommandLineTokens(arguments) { name in
                guard let takesValue = optionNames[name] else { return (nil, false) }
                return (takesValue ? "" : nil, true)
            }
        } catch {
            throw .usage(error.message)
        }
        if let stray = tokens.arguments.first { throw .usage("Unknown option '\(stray)'") }
        var options = SandboxOptions()
        for name in tokens.flags.sorted() { try options.set(name, nil) }
        for (name, value) in tokens.options.sorted(by: { $0.key < $1.key }) { try options.set(name, value) }
        return options
    }

    /// Sets one option from the command line (name without dashes; nil value for a flag), checking its value.
    public mutating func set(_ name: String, _ value: String?) throws(SandboxError) {
        let text = value ?? ""
        switch name {
        case "port":
            guard let port = Int(text), (0...65535).contains(port) else {
                throw .usage("--port must be a number from 0 to 65535, got '\(text)'")
            }
            self.port = port
        case "seed":
            seed = text
        case "time-scale":
            guard let scale = Double(text), scale.isFinite, Self.timeScaleRange.contains(scale) else {
                throw .usage("--time-scale must be a number from 0.001 to 10000, got '\(text)'")
            }
            timeScale = scale
        case "faults":
            faults = try FaultPlan.parse(text)
        case "log":
            logPath = text
        case "session-idle":
            guard let seconds = DurationLimit.seconds(text) else {
                throw .usage("--session-idle must be a number of seconds above 0 and at most \(DurationLimit.described), got '\(text)'")
            }
            sessionIdleTimeout = .nanoseconds(Int64(seconds * 1e9))
        case "no-rate-limits":
            isRateLimited = false
        default:
            throw .usage("Unknown option '--\(name)'")
        }
    }

    /// The seed account these options name: the file, or a generated account.
    public func loadSeed() throws(SandboxError) -> SandboxSeed {
        if seed.hasPrefix("synthetic:") || seed == "synthetic" {
            return try SyntheticAccount.parse(String(seed.dropFirst("synthetic".count).drop { $0 == ":" })).make()
        }
        return try SandboxSeed.load(path: seed)
    }
}
