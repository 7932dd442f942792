import Foundation
import Support
import Synchronization

/// How long Linnworks has been failing, and whether there is time left to try again.
///
/// Exists because a retry count alone does not bound a run: against a Linnworks that accepts
/// connections and never answers, five attempts of a 60 s call take five minutes per call, and
/// every later call would start its own five. The budget runs from the first failure of an
/// outage — across calls and the authorization — until any call succeeds, so a run gives up
/// (69) within `RetryPolicy.budget` of Linnworks going quiet, whatever it was doing.
/// Back-offs sleep on the shutdown signal, so the first SIGTERM ends them at once.
final class RetryBudget: Sendable {
    private let outageStarted = Mutex<ContinuousClock.Instant?>(nil)
    private let budget: Double
    private let shutdown: ShutdownSignal?

    init(budget: Double, shutdown: ShutdownSignal?) {
        self.budget = budget
        self.shutdown = shutdown
    }

    /// Whether a stop was requested: no new call goes out after it.
    var isStopping: Bool { shutdown?.isRequested ?? false }

    func succeeded() {
        outageStarted.withLock { $0 = nil }
    }

    /// Notes a failure; true when waiting `delay` and trying again still fits in the budget.
    func failed(thenWait delay: Double) -> Bool {
        let now = ContinuousClock.now
        let started = outageStarted.withLock { started in
            if started == nil { started = now }
            return started!
        }
        let spent = now - started
        let seconds = spent.inSeconds
        return seconds + delay <= budget
    }

    /// Sleeps `seconds` unless a stop is requested first, which ends the wait with `.cancelled`.
    func pause(_ seconds: Double) async throws(LinnworksError) {
        try await Self.pause(seconds, shutdown: shutdown)
    }

    /// The one wait of the client (back-off, throttling, pacing): ended at once by a stop request.
    static func pause(_ seconds: Double, shutdown: ShutdownSignal?) async throws(LinnworksError) {
        if let shutdown {
            guard await shutdown.sleep(seconds: seconds) else { throw .cancelled }
            return
        }
        do {
            try await Task.sleep(for: .nanoseconds(Int64(max(0, min(seconds, 86_400)) * 1_000_000_000)))
        } catch {
            throw .cancelled
        }
    }
}
