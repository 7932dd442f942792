import Foundation
import Support

/// The bridge's only way to talk to Linnworks.
///
/// Exists to hide everything a caller should not have to think about: opening the session
/// at the auth URL and re-opening it on a 401, pacing each endpoint under its limit,
/// honouring 429s, retrying server errors and lost connections with backoff — except for
/// `ProcessOrdersInBatch`, which is never re-sent blindly (see `processOrdersInBatch`).
/// One client per process; it is safe to share across tasks.
public final class LinnworksClient: Sendable {
    let credentials: Credentials
    let configuration: LinnworksClientConfiguration
    let transport: HTTPTransport
    let limiter: PacingLimiter
    let scrubber: SecretScrubber
    let budget: RetryBudget
    private let keeper: SessionKeeper

    public init(credentials: Credentials, configuration: LinnworksClientConfiguration = LinnworksClientConfiguration()) {
        self.credentials = credentials
        self.configuration = configuration
        let transport = HTTPTransport(configuration: configuration)
        let scrubber = SecretScrubber([credentials.applicationSecret, credentials.installationToken])
        self.transport = transport
        self.limiter = PacingLimiter(configuration: configuration)
        self.scrubber = scrubber
        let budget = RetryBudget(budget: configuration.retry.budget, shutdown: configuration.shutdown)
        self.budget = budget
        let opener = SessionOpener(credentials: credentials, configuration: configuration,
                                   transport: transport, scrubber: scrubber, budget: budget)
        self.keeper = SessionKeeper(authorizer: { await opener.open() })
    }

    /// Opens a session now (later calls do it on demand); fails fast on wrong credentials.
    public func authorize() async throws(LinnworksError) {
        _ = try await keeper.session().get()
    }

    /// Sends one call with pacing, re-authorization and retries, and decodes the answer.
    ///
    /// `orderIDs` names what a non-idempotent call was about, for the `ambiguous` error.
    func call<Answer: Decodable>(_ endpoint: Endpoint, _ form: FormBody, as: Answer.Type,
                                 orderIDs: [String] = []) async throws(LinnworksError) -> Answer {
        let reply = try await send(endpoint, form, orderIDs: orderIDs)
        do {
            return try AnswerDecoder.decode(Answer.self, from: reply.body, fast: configuration.usesFastJSONReader)
        } catch {
            throw .invalidResponse(endpoint: endpoint, reason: "could not decode the answer (\(reply.body.count) bytes)")
        }
    }

    func send(_ endpoint: Endpoint, _ form: FormBody, orderIDs: [String]) async throws(LinnworksError) -> HTTPReply {
        CallTally.current?.add()
        var failures = 0
        var throttles = 0
        var refusedSessions = 0
        var attempt = 0
        /// Counts a retryable failure; throws `unavailable` when attempts or the budget are spent.
        func retryAfterFailure(_ reason: String) async throws(LinnworksError) {
            failures += 1
            let delay = configuration.retry.delay(afterFailures: failures)
            guard failures < configuration.retry.maxAttempts, budget.failed(thenWait: delay) else {
                throw .unavailable(endpoint: endpoint, reason: reason)
            }
            try await pause(delay)
        }
        while true {
            attempt += 1
            // Stopping: nothing new goes out. Calls already sent finish or time out on their own.
            if Task.isCancelled || budget.isStopping { throw .cancelled }
            let session = try await keeper.session().get()
            let permit = configuration.isPacingEnabled ? try await limiter.acquire(endpoint) : nil
            let started = ContinuousClock.now
            let result: Result<HTTPReply, TransportFailure>
            do {
                let url = session.server.appendingPathComponent(endpoint.path)
                result = .success(try await transport.send(url: url, usesGET: endpoint.usesGET, form: form,
                                                           authorization: session.token, resendable: endpoint.isIdempotent))
            } catch {
                result = .failure(error)
            }
            if let permit { await limiter.release(permit) }
            let seconds = ContinuousClock.now - started
            let elapsed = seconds.inSeconds

            switch result {
            case .success(let reply):
                let outcome = Self.outcome(of: reply.status)
                observe(endpoint, attempt, reply.status, outcome, elapsed)
                switch reply.status {
                case 200..<300:
                    budget.succeeded()
                    return reply
                case 401:
                    // An expired session, never refused credentials: only AuthorizeByApplication can say
                    // those are wrong (77). A new session is opened; one refused again right away is
                    // retried with back-off inside the budget, then the call is unavailable (69).
                    refusedSessions += 1
                    await keeper.discard(session)
                    if refusedSessions > 1 {
                        try await retryAfterFailure("Linnworks refused \(refusedSessions) new sessions in a row")
                    }
                case 403:
                    throw .authorizationRefused(message: message(in: reply))
                case 429:
                    throttles += 1
                    let retryAfter = Self.retryAfter(reply)
                    if throttles > configuration.retry.maxThrottleWaits
                        || (retryAfter ?? 0) > configuration.retry.maxRetryAfter {
                        throw .throttled(endpoint: endpoint, retryAfterSeconds: retryAfter)
                    }
                    let backoff = configuration.retry.throttleDelay * pow(2, Double(throttles - 1))
                    try await pause(retryAfter ?? backoff)
                case 500..<600:
                    let reason = "HTTP \(reply.status): \(message(in: reply))"
                    if !endpoint.isIdempotent {
                        throw .ambiguous(endpoint: endpoint, orderIDs: orderIDs, reason: reason)
                    }
                    try await retryAfterFailure(reason)
                default:
                    throw .badRequest(endpoint: endpoint, status: reply.status, message: message(in: reply))
                }
            case .failure(let failure):
                switch failure {
                case .cancelled:
                    throw .cancelled
                case .fatal(let reason):
                    observe(endpoint, attempt, nil, .failed, elapsed)
                    throw .configuration(reason: scrubber.scrub(reason))
                case .notSent(let outcome, let reason):
                    observe(endpoint, attempt, nil, outcome, elapsed)
                    try await retryAfterFailure(scrubber.scrub(reason))
                case .answerLost(let outcome, let reason):
                    observe(endpoint, attempt, nil, outcome, elapsed)
                    if !endpoint.isIdempotent {
                        throw .ambiguous(endpoint: endpoint, orderIDs: orderIDs, reason: scrubber.scrub(reason))
                    }
                    try await retryAfterFailure(scrubber.scrub(reason))
                }
            }
        }
    }

    private func pause(_ seconds: Double) async throws(LinnworksError) {
        try await budget.pause(seconds)
    }

    private func observe(_ endpoint: Endpoint, _ attempt: Int, _ status: Int?, _ outcome: CallRecord.Outcome,
                         _ seconds: Double) {
        configuration.observer?(CallRecord(endpoint: endpoint, attempt: attempt, status: status,
                                           outcome: outcome, seconds: seconds))
    }

    /// Linnworks' own sentence from an error body, scrubbed of secrets and cut to a sane length.
    func message(in reply: HTTPReply) -> String {
        let text: String
        if let body = try? JSONDecoder().decode(LinnworksErrorBody.self, from: reply.body), let message = body.message {
            text = message
        } else {
            text = String(decoding: reply.body.prefix(300), as: UTF8.self)
        }
        return scrubber.scrub(String(text.prefix(300)))
    }

    /// Seconds a 429 asks us to wait: `Retry-After` (whole seconds, the HTTP standard), or the
    /// sandbox's finer `Retry-After-Ms` when present. Nil when the server gave no hint.
    static func retryAfter(_ reply: HTTPReply) -> Double? {
        if let ms = reply.header("Retry-After-Ms").flatMap(Double.init), ms >= 0 { return ms / 1000 }
        return reply.header("Retry-After").flatMap(Double.init)
    }

    static func outcome(of status: Int) -> CallRecord.Outcome {
        switch status {
        case 200..<300: return .ok
        case 401: return .unauthorized
        case 429: return .throttled
        case 500...: return .serverError
        default: return .badRequest
        }
    }
}
