import Foundation
import Synchronization

/// The sessions `AuthorizeByApplication` has opened, with Linnworks' idle expiry.
///
/// Exists so the sandbox can answer 401 "Token is wrong." exactly when Linnworks would:
/// unknown token, or no call for longer than the idle time (20 minutes by default).
/// Tests can also expire sessions on purpose to exercise re-authorization.
final class SessionRegistry: Sendable {
    private struct Session {
        var lastUsed: ContinuousClock.Instant
        var applicationID: String
    }

    private let sessions = Mutex<[String: Session]>([:])
    /// Every token ever issued, so tests can prove none of them leaked into logs or errors.
    private let issued = Mutex<[String]>([])
    private let idleTimeout: Duration

    init(idleTimeout: Duration) {
        self.idleTimeout = idleTimeout
    }

    /// Opens a session and returns its token.
    func open(applicationID: String) -> String {
        let token = UUID().uuidString.lowercased()
        sessions.withLock { $0[token] = Session(lastUsed: .now, applicationID: applicationID) }
        issued.withLock { $0.append(token) }
        return token
    }

    /// Whether `token` names a live session; using it restarts its idle clock.
    func touch(_ token: String?) -> Bool {
        guard let token = token?.trimmingCharacters(in: .whitespaces).lowercased(), !token.isEmpty else {
            return false
        }
        let now = ContinuousClock.now
        return sessions.withLock { sessions in
            guard let session = sessions[token] else { return false }
            if now - session.lastUsed > idleTimeout {
                sessions[token] = nil
                return false
            }
            sessions[token]?.lastUsed = now
            return true
        }
    }

    func issuedTokens() -> [String] { issued.withLock { $0 } }

    func expire(_ token: String) {
        _ = sessions.withLock { $0.removeValue(forKey: token.lowercased()) }
    }

    func expireAll() {
        sessions.withLock { $0.removeAll() }
    }
}

/// Per (session, endpoint) sliding-window rate limits, the way Linnworks throttles.
///
/// Exists so a client that paces badly meets 429s exactly as it would in production.
/// The window is 60 s divided by the time scale; each key keeps the times of its accepted
/// calls, and a call is refused while `limit` of them fall inside the window.
final class RateLimits: Sendable {
    private let window: Duration
    private let isEnabled: Bool
    private let stamps = Mutex<[String: [ContinuousClock.Instant]]>([:])

    init(timeScale: Double, isEnabled: Bool) {
        window = .nanoseconds(Int64(60.0 / max(timeScale, 0.000_001) * 1_000_000_000))
        self.isEnabled = isEnabled
    }

    /// Records a call, or returns how long until one would be allowed.
    func admit(key: String, limit: Int) -> Duration? {
        guard isEnabled else { return nil }
        let now = ContinuousClock.now
        return stamps.withLock { table in
            var times = table[key] ?? []
            let cutoff = now - window
            if let firstInside = times.firstIndex(where: { $0 > cutoff }) {
                if firstInside > 0 { times.removeFirst(firstInside) }
            } else {
                times.removeAll(keepingCapacity: true)
            }
            if times.count >= limit {
                table[key] = times
                return times[times.count - limit] + window - now
            }
            times.append(now)
            table[key] = times
            return nil
        }
    }
}
