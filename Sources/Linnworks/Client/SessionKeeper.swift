import Foundation
import Support
import Synchronization

/// An open Linnworks session: the token for `Authorization` and the server to send calls to.
struct LinnworksSession: Sendable {
    let token: Secret
    let server: URL
    /// Counts authorizations, so a 401 on an old session does not discard a newer one.
    let generation: Int
}

/// Holds the current session and makes sure at most one authorization is ever in flight.
///
/// Exists because a session expires after 20 idle minutes and every call that meets the 401
/// wants a new one at the same moment; they all wait for the one authorization already
/// under way instead of each opening their own.
actor SessionKeeper {
    typealias Authorizer = @Sendable () async -> Result<(token: Secret, server: URL), LinnworksError>

    private let authorizer: Authorizer
    private var current: LinnworksSession?
    private var pending: Task<Result<LinnworksSession, LinnworksError>, Never>?
    private var generation = 0

    init(authorizer: @escaping Authorizer) {
        self.authorizer = authorizer
    }

    /// The open session, authorizing first when there is none.
    func session() async -> Result<LinnworksSession, LinnworksError> {
        if let current { return .success(current) }
        if let pending { return await pending.value }
        let task = Task { await self.authorizeNow() }
        pending = task
        return await task.value
    }

    /// Forgets `session` after Linnworks refused it, unless a newer one has replaced it already.
    func discard(_ session: LinnworksSession) {
        if current?.generation == session.generation { current = nil }
    }

    private func authorizeNow() async -> Result<LinnworksSession, LinnworksError> {
        let result = await authorizer()
        pending = nil
        switch result {
        case .success(let opened):
            generation += 1
            let session = LinnworksSession(token: opened.token, server: opened.server, generation: generation)
            current = session
            return .success(session)
        case .failure(let error):
            return .failure(error)
        }
    }
}

/// Removes known secret values from text that came off the wire before it reaches an error or log.
///
/// Exists as a second line of defence: the sandbox never echoes a secret, but a real server,
/// proxy or libcurl message might, and such text ends up in `LinnworksError` descriptions.
final class SecretScrubber: Sendable {
    private let secrets: Mutex<[String]>

    init(_ initial: [Secret]) {
        secrets = Mutex(initial.map { $0.reveal { $0 } }.filter { !$0.isEmpty })
    }

    func remember(_ secret: Secret) {
        let value = secret.reveal { $0 }
        guard !value.isEmpty else { return }
        secrets.withLock { if !$0.contains(value) { $0.append(value) } }
    }

    func scrub(_ text: String) -> String {
        secrets.withLock { values in
            var clean = text
            for value in values where clean.localizedCaseInsensitiveContains(value) {
                clean = clean.replacingOccurrences(of: value, with: "<redacted>", options: .caseInsensitive)
            }
            return clean
        }
    }
}
