import Dispatch
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// SIGTERM and SIGINT as a request to stop, not a kill.
///
/// Exists because a daemon stopped by systemd or Ctrl-C should stop taking new files, let the
/// file in hand finish, and exit 0; a second signal means "now", and exits at once — which the
/// journals make safe to resume. Tests call `request()` instead of sending signals.
public final class ShutdownSignal: Sendable {
    private let count = Mutex(0)
    private let signals = Mutex(0)
    private let sources: SignalSources?
    private let sleepers = Mutex(Sleepers())
    private let firstSignalAction = Mutex<(@Sendable () -> Void)?>(nil)

    /// Continuations of `sleep(seconds:)` calls still waiting, by ticket.
    private struct Sleepers {
        var next = 0
        var waiting: [Int: CheckedContinuation<Bool, Never>] = [:]
    }

    /// A shutdown that only `request()` triggers.
    public init() { sources = nil }

    /// Listens for SIGTERM and SIGINT; the second one calls `immediately` (which should exit).
    public init(handlingSignals immediately: @escaping @Sendable () -> Void) {
        let box = SignalSources()
        sources = box
        // On Linux libdispatch installs its own handler; the default action must be ignored first.
        signal(SIGTERM, SIG_IGN)
        signal(SIGINT, SIG_IGN)
        for number in [SIGTERM, SIGINT] {
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { [weak self] in
                if (self?.signalled() ?? 2) >= 2 { immediately() }
            }
            source.activate()
            box.keep(source)
        }
    }

    /// Records a request and wakes every sleeper; returns how many requests there have been.
    @discardableResult
    public func request() -> Int {
        let number = count.withLock { $0 += 1; return $0 }
        if number == 1 {
            let woken = sleepers.withLock { state in
                defer { state.waiting = [:] }
                return Array(state.waiting.values)
            }
            for continuation in woken { continuation.resume(returning: false) }
        }
        return number
    }

    /// A SIGTERM or SIGINT arrived: a stop request, and the first one runs `onFirstSignal`'s action.
    /// Returns how many signals there have been. (A stop the program asks for itself — refused
    /// credentials — is a plain `request()`: it has no grace deadline and keeps its exit status.)
    @discardableResult
    public func signalled() -> Int {
        request()
        let number = signals.withLock { $0 += 1; return $0 }
        if number == 1 { firstSignalAction.withLock { $0 }?() }
        return number
    }

    public var isRequested: Bool { count.withLock { $0 > 0 } }

    /// Runs `action` (once) when the first signal arrives — at once if one already has.
    public func onFirstSignal(_ action: @escaping @Sendable () -> Void) {
        firstSignalAction.withLock { $0 = action }
        if signals.withLock({ $0 > 0 }) { action() }
    }

    /// Waits `seconds`, or less when a shutdown is requested meanwhile; true when the whole time
    /// passed. A back-off, a pacing wait or a settle wait sleeps here, so the first signal ends
    /// it at once, and waiting costs no CPU (one timer, no polling).
    public func sleep(seconds: Double) async -> Bool {
        if isRequested { return false }
        let delay = max(0, min(seconds, 31_536_000))
        return await withCheckedContinuation { (continuation: CheckedContinuation<Bool, Never>) in
            let ticket: Int? = sleepers.withLock { state in
                guard count.withLock({ $0 == 0 }) else { return nil }
                state.next += 1
                state.waiting[state.next] = continuation
                return state.next
            }
            guard let ticket else { return continuation.resume(returning: false) }
            DispatchQueue.global().asyncAfter(deadline: .now() + delay) { [self] in
                let waiting = sleepers.withLock { $0.waiting.removeValue(forKey: ticket) }
                waiting?.resume(returning: true)
            }
        }
    }
}

/// Keeps the signal sources alive (they are not Sendable themselves).
private final class SignalSources: @unchecked Sendable {
    private var sources: [any DispatchSourceSignal] = []
    private let lock = Mutex(())

    func keep(_ source: any DispatchSourceSignal) {
        lock.withLock { _ in sources.append(source) }
    }
}
