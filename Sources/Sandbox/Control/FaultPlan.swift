import Foundation
import Linnworks
import Support
import Synchronization

/// The misbehaviour the sandbox injects, read from a spec such as
/// `seed=7,error-before=0.05,error-after=0.05,drop=0.02,latency=0.05:200ms,expire-every=40`.
///
/// Exists so tests and demos can meet every failure a real Linnworks produces, reproducibly:
/// the n-th call's fate depends only on the seed and n.
///
/// Keys (all optional; probabilities are 0…1 per eligible call):
/// - `seed=N` — the random seed (default 1).
/// - `error-before=P` — answer 500 without changing anything.
/// - `error-after=P` — apply the call, then answer 500 (Linnworks changed, the client sees failure).
/// - `drop=P` — close the connection without answering, before applying.
/// - `drop-after=P` — apply the call, then close the connection without answering.
/// - `latency=P:DURATION` — delay the answer (`250ms`, `2s`).
/// - `expire-every=N` — every N-th authenticated call finds its session expired (401).
/// - `only=A+B` — restrict faults to these endpoints (`Stock/SetStockLevel+Orders/ProcessOrdersInBatch`
///   or just the method names `SetStockLevel+ProcessOrdersInBatch`).
/// - `max=N` — inject at most N faults (errors, drops and delays alike) in total, then behave.
/// Authorization calls are never faulted; `expire-every` is what exercises re-authorization.
public struct FaultPlan: Sendable, Equatable {
    public var seed: UInt64 = 1
    public var errorBefore = 0.0
    public var errorAfter = 0.0
    public var drop = 0.0
    public var dropAfter = 0.0
    public var latency = 0.0
    public var latencyDuration: Duration = .zero
    public var expireEvery = 0
    public var only: Set<Endpoint>?
    public var maxFaults: Int?

    public init() {}

    public static let none = FaultPlan()

    public var isEmpty: Bool {
        errorBefore == 0 && errorAfter == 0 && drop == 0 && dropAfter == 0 && latency == 0 && expireEvery == 0
    }

    /// Parses a spec; the error says which part was wrong.
    public static func parse(_ spec: String) throws(SandboxError) -> FaultPlan {
        var plan = FaultPlan()
        for part in spec.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) where !part.isEmpty {
            let pieces = part.split(separator: "=", maxSplits: 1).map(String.init)
            guard pieces.count == 2 else { throw .usage("--faults: expected key=value, got '\(part)'") }
            let (key, value) = (pieces[0].lowercased(), pieces[1])
            switch key {
            case "seed":
                guard let seed = UInt64(value) else { throw .usage("--faults: seed must be a whole number") }
                plan.seed = seed
            case "error-before": plan.errorBefore = try probability(key, value)
            case "error-after": plan.errorAfter = try probability(key, value)
            case "drop": plan.drop = try probability(key, value)
            case "drop-after": plan.dropAfter = try probability(key, value)
            case "latency":
                let latencyParts = value.split(separator: ":", maxSplits: 1).map(String.init)
                guard latencyParts.count == 2, let duration = parseDuration(latencyParts[1]) else {
                    throw .usage("--faults: latency must look like 0.05:200ms")
                }
                plan.latency = try probability(key, latencyParts[0])
                plan.latencyDuration = duration
            case "expire-every":
                guard let every = Int(value), every > 0 else { throw .usage("--faults: expire-every must be a positive number") }
                plan.expireEvery = every
            case "only":
                var endpoints: Set<Endpoint> = []
                for name in value.split(separator: "+") {
                    let lowered = name.lowercased()
                    guard let endpoint = Endpoint.allCases.first(where: {
                        $0.rawValue.lowercased() == lowered || $0.rawValue.lowercased().hasSuffix("/" + lowered)
                    }) else { throw .usage("--faults: unknown endpoint '\(name)' in only=") }
                    endpoints.insert(endpoint)
                }
                plan.only = endpoints
            case "max":
                guard let max = Int(value), max >= 0 else { throw .usage("--faults: max must be a whole number") }
                plan.maxFaults = max
            default:
                throw .usage("--faults: unknown key '\(key)'")
            }
        }
        let total = plan.errorBefore + plan.errorAfter + plan.drop + plan.dropAfter
        if total > 1 { throw .usage("--faults: error and drop probabilities add up to more than 1") }
        return plan
    }

    private static func probability(_ key: String, _ text: String) throws(SandboxError) -> Double {
        guard let value = Double(text), (0...1).contains(value) else {
            throw .usage("--faults: \(key) must be a probability between 0 and 1")
        }
        return value
    }

    /// `250ms`, `2s` or `250` (milliseconds); nil unless from 0 to a week (`inf`, `nan` and `1e300s`
    /// would trap when turned into a `Duration`).
    static func parseDuration(_ text: String) -> Duration? {
        let seconds: Double
        if text.hasSuffix("ms"), let ms = Double(text.dropLast(2)) { seconds = ms / 1000 }
        else if text.hasSuffix("s"), let value = Double(text.dropLast()) { seconds = value }
        else if let ms = Double(text) { seconds = ms / 1000 }
        else { return nil }
        guard DurationLimit.isAccepted(seconds, above: 0, includingMinimum: true) else { return nil }
        return .nanoseconds(Int64(seconds * 1e9))
    }
}

/// What happens to one call.
enum FaultDecision: String, Sendable {
    case none
    case errorBefore = "error-before"
    case errorAfter = "error-after"
    case drop
    case dropAfter = "drop-after"
}

/// Draws each call's fate from the plan, deterministically by call number.
final class FaultInjector: Sendable {
    let plan: FaultPlan
    private let counters = Mutex<(calls: Int, authenticated: Int, injected: Int)>((0, 0, 0))

    init(plan: FaultPlan) { self.plan = plan }

    /// The fate and extra latency of the next data call to `endpoint`.
    func decide(_ endpoint: Endpoint) -> (FaultDecision, Duration) {
        guard !plan.isEmpty else { return (.none, .zero) }
        let eligible = endpoint != .authorizeByApplication && (plan.only?.contains(endpoint) ?? true)
        guard eligible else { return (.none, .zero) }
        return counters.withLock { counters in
            counters.calls += 1
            if let max = plan.maxFaults, counters.injected >= max { return (.none, .zero) }
            var generator = SplitMix64(seed: plan.seed &+ UInt64(counters.calls) &* 0x9E37_79B9_7F4A_7C15)
            let latency = plan.latency > 0 && generator.nextUnit() < plan.latency ? plan.latencyDuration : .zero
            let draw = generator.nextUnit()
            let thresholds: [(Double, FaultDecision)] = [
                (plan.errorBefore, .errorBefore), (plan.errorAfter, .errorAfter), (plan.drop, .drop),
                (plan.dropAfter, .dropAfter),
            ]
            var edge = 0.0
            var decision = FaultDecision.none
            for (probability, kind) in thresholds {
                edge += probability
                if draw < edge {
                    decision = kind
                    break
                }
            }
            if decision != .none || latency > .zero { counters.injected += 1 }
            return (decision, latency)
        }
    }

    /// Whether this authenticated call should find its session expired (`expire-every`).
    func shouldExpireSession() -> Bool {
        guard plan.expireEvery > 0 else { return false }
        return counters.withLock { counters in
            counters.authenticated += 1
            return counters.authenticated % plan.expireEvery == 0
        }
    }
}
