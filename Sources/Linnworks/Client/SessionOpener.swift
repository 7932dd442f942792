import Foundation
import Support

/// Calls `Auth/AuthorizeByApplication` and turns the answer into a session.
///
/// Exists apart from the client so the only code that reveals the application secret and
/// installation token is here, and so authorization has its own retry rules: wrong
/// credentials fail at once, an unwell server is retried like any idempotent call.
struct SessionOpener: Sendable {
    let credentials: Credentials
    let configuration: LinnworksClientConfiguration
    let transport: HTTPTransport
    let scrubber: SecretScrubber
    let budget: RetryBudget

    func open() async -> Result<(token: Secret, server: URL), LinnworksError> {
        guard let base = URL(string: credentials.authURL), base.scheme != nil else {
            return .failure(.configuration(reason: "LINNWORKS_AUTH_URL is not a URL"))
        }
        let endpoint = Endpoint.authorizeByApplication
        let url = base.appendingPathComponent(endpoint.path)
        var form = FormBody()
        do {
            let request = AuthorizeByApplicationRequest(
                applicationID: credentials.applicationID,
                applicationSecret: credentials.applicationSecret.reveal { $0 },
                token: credentials.installationToken.reveal { $0 })
            try form.add("request", json: request)
        } catch {
            return .failure(error)
        }
        var failures = 0
        var throttles = 0
        var attempt = 0
        /// Whether to try again after a retryable failure (within attempts and the shared budget).
        func mayRetry() async -> Bool {
            failures += 1
            let delay = configuration.retry.delay(afterFailures: failures)
            guard failures < configuration.retry.maxAttempts, budget.failed(thenWait: delay) else { return false }
            do { try await budget.pause(delay) } catch { return false }
            return true
        }
        while true {
            attempt += 1
            if budget.isStopping { return .failure(.cancelled) }
            let started = ContinuousClock.now
            do {
                let reply = try await transport.send(url: url, usesGET: false, form: form, authorization: nil)
                observe(attempt, reply.status, LinnworksClient.outcome(of: reply.status), started)
                switch reply.status {
                case 200..<300:
                    budget.succeeded()
                    return decodeSession(reply)
                case 401, 403:
                    return .failure(.authorizationRefused(message: "the application credentials were refused (HTTP \(reply.status))"))
                case 429:
                    throttles += 1
                    if throttles > configuration.retry.maxThrottleWaits {
                        return .failure(.throttled(endpoint: endpoint, retryAfterSeconds: nil))
                    }
                    let retryAfter = LinnworksClient.retryAfter(reply)
                    do { try await budget.pause(retryAfter ?? configuration.retry.throttleDelay) } catch { return .failure(.cancelled) }
                case 500..<600:
                    guard await mayRetry() else {
                        return .failure(budget.isStopping ? .cancelled : .unavailable(endpoint: endpoint, reason: "HTTP \(reply.status)"))
                    }
                default:
                    return .failure(.badRequest(endpoint: endpoint, status: reply.status,
                                                message: "authorization request rejected"))
                }
            } catch {
                switch error {
                case .cancelled:
                    return .failure(.cancelled)
                case .fatal(let reason):
                    return .failure(.configuration(reason: scrubber.scrub(reason)))
                case .notSent(let outcome, let reason), .answerLost(let outcome, let reason):
                    observe(attempt, nil, outcome, started)
                    guard await mayRetry() else {
                        return .failure(budget.isStopping ? .cancelled : .unavailable(endpoint: endpoint, reason: scrubber.scrub(reason)))
                    }
                }
            }
        }
    }

    private func decodeSession(_ reply: HTTPReply) -> Result<(token: Secret, server: URL), LinnworksError> {
        guard let session = try? JSONDecoder().decode(BaseSession.self, from: reply.body),
              let token = session.token, !token.isEmpty else {
            return .failure(.invalidResponse(endpoint: .authorizeByApplication, reason: "no session token in the answer"))
        }
        let secret = Secret(token)
        scrubber.remember(secret)
        // The SDK appends /api/ itself unless the server already ends with it (Documentation/LinnworksAPI.md §1).
        var serverText = session.server ?? ""
        while serverText.hasSuffix("/") { serverText.removeLast() }
        if serverText.lowercased().hasSuffix("/api") { serverText.removeLast(4) }
        guard let server = URL(string: serverText), server.scheme != nil, server.host != nil else {
            return .failure(.invalidResponse(endpoint: .authorizeByApplication, reason: "no Server in the answer"))
        }
        return .success((secret, server))
    }

    private func observe(_ attempt: Int, _ status: Int?, _ outcome: CallRecord.Outcome, _ started: ContinuousClock.Instant) {
        let elapsed = ContinuousClock.now - started
        let seconds = elapsed.inSeconds
        configuration.observer?(CallRecord(endpoint: .authorizeByApplication, attempt: attempt, status: status,
                                           outcome: outcome, seconds: seconds))
    }
}
