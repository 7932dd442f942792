import Bridge
import Foundation
import Support

/// What SIGTERM and SIGINT mean for every command that changes something (README, "Running it").
///
/// Exists so `watch`, `import` and `export` stop the same way: the first signal stops new files and
/// new calls at once (back-offs and pacing waits end), gives calls already sent `graceSeconds` to
/// answer, and exits 0 — with what stays claimed in the log — even if they have not; a second
/// signal exits at once. Calls are never cancelled mid-flight (see `CurlEasy`); each one either
/// was journalled before it went out or is safe to send again, and the claimed files resume.
enum StopOnSignal {
    /// Calls in flight get this long, so a run ends within 10 s of the signal (systemd waits longer).
    static let graceSeconds = 8.0

    static func install(command: String, logger: Logger, folder: DropFolder) -> ShutdownSignal {
        let shutdown = ShutdownSignal(handlingSignals: {
            logger.warning("\(command).stopped", ["outcome": "0", "reason": "second signal: stopping now",
                                                  "claimed": folder.claimedNames().joined(separator: ", ")])
            exit(0)
        })
        shutdown.onFirstSignal {
            logger.notice("\(command).stopping", ["reason": "signal: no new file or call; calls in flight get \(Int(graceSeconds)) s",
                                                  "claimed": folder.claimedNames().joined(separator: ", ")])
            DispatchQueue.global().asyncAfter(deadline: .now() + graceSeconds) {
                logger.notice("\(command).stopped", ["outcome": "0", "reason": "calls still in flight after \(Int(graceSeconds)) s are left outstanding",
                                                     "claimed": folder.claimedNames().joined(separator: ", ")])
                exit(0)
            }
        }
        return shutdown
    }
}
