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
    private let sources: SignalSources?

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
                if (self?.request() ?? 2) >= 2 { immediately() }
            }
            source.activate()
            box.keep(source)
        }
    }

    /// Records a request; returns how many there have been.
    @discardableResult
    public func request() -> Int {
        count.withLock { $0 += 1; return $0 }
    }

    public var isRequested: Bool { count.withLock { $0 > 0 } }
}

/// Keeps the signal sources alive (they are not Sendable themselves).
private final class SignalSources: @unchecked Sendable {
    private var sources: [any DispatchSourceSignal] = []
    private let lock = Mutex(())

    func keep(_ source: any DispatchSourceSignal) {
        lock.withLock { _ in sources.append(source) }
    }
}
