import Foundation
import Support

/// Spaces calls so that no endpoint ever exceeds its per-minute limit (Documentation/LinnworksAPI.md §10).
///
/// Exists so a normal run meets no 429 at all. It keeps, per endpoint, one slot per allowed
/// call; a slot is free again one window after the call that used it *finished*. Counting
/// from the finish rather than the send is what makes it safe: the server stamps a call
/// somewhere between our send and our receipt of the answer, so a slot we free at
/// `finish + window` is always free on the server too, whatever the network jitter.
actor PacingLimiter {
    /// A reserved slot; hand it back with `release` when the call has finished.
    struct Permit: Sendable {
        let endpoint: Endpoint
        let slot: Int
    }

    private struct Slots {
        /// When each slot may be used again; nil while its call is in flight.
        var freeAt: [ContinuousClock.Instant?]
    }

    private let window: Duration
    private let limits: [Endpoint: Int]
    private var slots: [Endpoint: Slots] = [:]
    private let clock = ContinuousClock()
    private let shutdown: ShutdownSignal?

    init(configuration: LinnworksClientConfiguration) {
        shutdown = configuration.shutdown
        let seconds = 60.0 / max(configuration.timeScale, 0.000_001)
        window = .nanoseconds(Int64(seconds * 1_000_000_000))
        limits = Dictionary(uniqueKeysWithValues: Endpoint.allCases.map { ($0, max(1, configuration.limit(for: $0))) })
    }

    /// Waits until `endpoint` has a free slot and takes it.
    func acquire(_ endpoint: Endpoint) async throws(LinnworksError) -> Permit {
        while true {
            let now = clock.now
            var state = slots[endpoint] ?? Slots(freeAt: Array(repeating: now - window, count: limits[endpoint] ?? 150))
            var earliest: (index: Int, at: ContinuousClock.Instant)?
            for (index, freeAt) in state.freeAt.enumerated() {
                guard let freeAt else { continue }
                if earliest == nil || freeAt < earliest!.at { earliest = (index, freeAt) }
            }
            if let earliest, earliest.at <= now {
                state.freeAt[earliest.index] = nil
                slots[endpoint] = state
                return Permit(endpoint: endpoint, slot: earliest.index)
            }
            slots[endpoint] = state
            // Every slot is busy or cooling down: sleep until the first one cools, or briefly
            // when all are in flight (a release will free one within a round trip).
            let wait = earliest.map { $0.at - now } ?? .milliseconds(5)
            // A pacing wait ends at the first signal: the call it was for is not sent.
            try await RetryBudget.pause(wait.inSeconds, shutdown: shutdown)
        }
    }

    /// Marks the permit's call as finished now; its slot frees one window later.
    func release(_ permit: Permit) {
        slots[permit.endpoint]?.freeAt[permit.slot] = clock.now + window
    }
}
