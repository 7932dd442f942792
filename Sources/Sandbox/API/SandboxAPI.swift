import Foundation
import Linnworks
import Synchronization
import Support

/// Routes each HTTP request to the account, the way Linnworks would answer it.
///
/// Exists to keep, in one place and in Linnworks' order, what happens to a call before the
/// account sees it: route (404), session (401), rate limit (429), injected faults (500,
/// dropped connection, latency), parameters (400) — and to log every call afterwards.
final class SandboxAPI: Sendable {
    let account: SandboxAccount
    let sessions: SessionRegistry
    let limits: RateLimits
    let faults: FaultInjector
    let log: CallLog
    let sendsRetryAfter: Bool
    let callsPerMinute: [Endpoint: Int]
    private let baseURL = Mutex<String>("http://127.0.0.1")

    init(account: SandboxAccount, options: SandboxOptions) throws(SandboxError) {
        self.account = account
        sessions = SessionRegistry(idleTimeout: options.sessionIdleTimeout)
        limits = RateLimits(timeScale: options.timeScale, isEnabled: options.isRateLimited)
        faults = FaultInjector(plan: options.faults)
        log = try CallLog(path: options.logPath, keepsRecords: options.keepsCallRecords)
        sendsRetryAfter = options.sendsRetryAfter
        callsPerMinute = options.callsPerMinute
    }

    func setBaseURL(_ url: String) { baseURL.withLock { $0 = url } }

    var base: String { baseURL.withLock { $0 } }

    func handle(_ request: HTTPRequest) -> HTTPAnswer {
        let started = ContinuousClock.now
        var outcome = Outcome()
        let answer = route(request, &outcome)
        let elapsed = ContinuousClock.now - started
        let status: Int
        switch answer {
        case .respond(let response): status = response.status
        case .dropConnection: status = 0
        }
        log.record(SandboxCallRecord(
            time: AccountState.now(), method: request.method, path: request.path, endpoint: outcome.endpoint,
            status: status, fault: outcome.fault,
            milliseconds: Double(elapsed.components.attoseconds) / 1e15 + Double(elapsed.components.seconds) * 1000,
            parameters: outcome.parameters))
        return answer
    }

    /// What the log learns about a call while it is routed.
    struct Outcome {
        var endpoint: Endpoint?
        var fault = "none"
        var parameters = "{}"
    }

    private func route(_ request: HTTPRequest, _ outcome: inout Outcome) -> HTTPAnswer {
        let path = request.path
        if path.lowercased().hasPrefix("/sandbox/") { return .respond(observability(path.lowercased())) }
        guard let endpoint = Endpoint(path: path) else {
            return .respond(APIFailure.notFound(base + request.target).response)
        }
        outcome.endpoint = endpoint
        guard request.method == "GET" || request.method == "POST" else {
            return .respond(APIFailure.message(405, "The requested resource does not support http method '\(request.method)'.").response)
        }
        let (fault, latency) = faults.decide(endpoint)
        if latency > .zero { Thread.sleep(forTimeInterval: latency.inSeconds) }

        let parameters: Parameters
        do {
            parameters = try Parameters(request: request, endpoint: endpoint)
        } catch {
            return .respond(error.response)
        }
        outcome.parameters = String(decoding: parameters.loggable().serialized(), as: UTF8.self)

        if endpoint == .authorizeByApplication { return .respond(authorize(parameters, &outcome)) }

        let token = request.header("authorization") ?? (try? parameters.string("token")) ?? ""
        if faults.shouldExpireSession() {
            sessions.expire(token)
            outcome.fault = "expired"
        }
        guard sessions.touch(token) else { return .respond(APIFailure.tokenWrong.response) }

        if let wait = limits.admit(key: token.lowercased() + " " + endpoint.rawValue, limit: limit(endpoint)) {
            outcome.fault = "throttled"
            return .respond(throttled(wait))
        }

        switch fault {
        case .errorBefore:
            outcome.fault = fault.rawValue
            return .respond(APIFailure.internalError.response)
        case .drop:
            outcome.fault = fault.rawValue
            return .dropConnection
        case .none, .errorAfter, .dropAfter:
            break
        }
        let response: HTTPResponse
        do {
            response = try perform(endpoint, parameters)
        } catch {
            return .respond(error.response)
        }
        switch fault {
        case .errorAfter:
            outcome.fault = fault.rawValue
            return .respond(APIFailure.internalError.response)
        case .dropAfter:
            outcome.fault = fault.rawValue
            return .dropConnection
        default:
            return .respond(response)
        }
    }

    private func limit(_ endpoint: Endpoint) -> Int { max(1, callsPerMinute[endpoint] ?? endpoint.callsPerMinute) }

    /// 429 with `Retry-After` in whole seconds (at least 1, as HTTP allows no fractions) and
    /// the exact wait in `Retry-After-Ms`, which matters when the window is time-scaled.
    private func throttled(_ wait: Duration) -> HTTPResponse {
        var response = APIFailure.tooManyRequests.response
        let seconds = wait.inSeconds
        if sendsRetryAfter {
            response.headers.append(("Retry-After", String(max(1, Int(seconds.rounded(.up))))))
            response.headers.append(("Retry-After-Ms", String(max(1, Int((seconds * 1000).rounded(.up))))))
        }
        return response
    }

    private func authorize(_ parameters: Parameters, _ outcome: inout Outcome) -> HTTPResponse {
        let id = try? parameters.string("ApplicationId")
        if let wait = limits.admit(key: "auth " + (id ?? "").lowercased(), limit: limit(.authorizeByApplication)) {
            outcome.fault = "throttled"
            return throttled(wait)
        }
        let secret = try? parameters.string("ApplicationSecret")
        let token = try? parameters.string("Token")
        guard account.acceptsCredentials(id: id, secret: secret, token: token), let id else {
            return APIFailure.message(401, "Invalid application credentials.").response
        }
        let sessionToken = sessions.open(applicationID: id)
        var session = BaseSession()
        session.id = GUID.make(0x5e55_0000, 1)
        session.entityID = GUID.make(0xe171_0000, 1)
        session.databaseName = "sandbox"
        session.databaseServer = ""
        session.privateDatabaseServer = ""
        session.databaseUser = ""
        session.databasePassword = ""
        session.appName = "LinnBridge sandbox"
        session.registrationID = GUID.make(0x5e61_0000, 1)
        session.userName = "sandbox@linnbridge.invalid"
        session.md5Hash = ""
        session.locality = "EU"
        session.isSuperAdmin = true
        session.ttl = nil
        session.token = sessionToken
        session.accessToken = ""
        session.groupName = ""
        session.device = "LinnBridge"
        session.deviceType = "API"
        session.userType = "API"
        session.status = StatusDetails(state: "AVAILABLE", reason: "", parameters: [:])
        session.userID = GUID.make(0x05e4_0000, 1)
        session.properties = [:]
        session.email = "sandbox@linnbridge.invalid"
        session.server = base
        session.pushServer = base
        return encode(session)
    }

    private func perform(_ endpoint: Endpoint, _ p: Parameters) throws(APIFailure) -> HTTPResponse {
        switch endpoint {
        case .authorizeByApplication: throw .internalError
        case .getStockLocations: return encode(account.getStockLocations())
        case .setStockLevel: return fastJSON(try account.writeStockLevels(p, absolute: true))
        case .updateStockLevelsBySKU: return fastJSON(try account.writeStockLevels(p, absolute: false))
        case .getStockItemsFull: return .json(200, bytes: try account.getStockItemsFullJSON(p))
        case .getStockLevelBatch: return encode(try account.getStockLevelBatch(p))
        case .setOrderShippingInfo: return encode(try account.setOrderShippingInfo(p))
        case .processOrdersInBatch: return encode(try account.processOrdersInBatch(p))
        case .getOpenOrderIDByOrderOrReferenceID:
            return .json(200, try account.getOpenOrderID(p).map(JSONValue.string) ?? .null)
        case .getOrderDetailsByNumOrderID: return fastJSON(try account.getOrderDetailsByNumber(p))
        case .getOrderDetailsByReferenceID: return fastJSON(try account.getOrderDetailsByReference(p))
        case .getAllOpenOrders: return encode(try account.getAllOpenOrders(p))
        case .getOrdersByID: return .json(200, bytes: try account.getOrdersByIDJSON(p))
        case .getOpenOrdersPage: return fastJSON(try account.getOpenOrdersPage(p))
        case .getOpenOrdersDetails: return .json(200, bytes: try account.getOpenOrdersDetailsJSON(p))
        case .assignOrderIdentifier: return fastJSON(try account.assignOrderIdentifier(p))
        case .saveIdentifier: return encode(try account.saveIdentifier(p))
        case .getIdentifiers: return encode(account.getIdentifiers())
        case .getPostalServices: return encode(account.getPostalServices())
        }
    }

    private func encode<T: Encodable>(_ value: T) -> HTTPResponse {
        do {
            return .json(200, try JSONValueEncoder.encode(value))
        } catch {
            return APIFailure.internalError.response
        }
    }

    /// Order and stock answers are written without the Codable machinery; the bytes are the same
    /// (`OrderAnswerBytesTests`, `StockAnswerBytesTests`).
    private func fastJSON<T: JSONBytesEncodable>(_ value: T) -> HTTPResponse {
        .json(200, bytes: value.jsonBytes(expectedBytes: 16 * 1024))
    }

    /// `GET /sandbox/state` and `GET /sandbox/counters`: no session needed, for tests and people.
    private func observability(_ path: String) -> HTTPResponse {
        switch path {
        case "/sandbox/state": return encode(account.snapshot())
        case "/sandbox/counters": return encode(log.counters())
        default: return APIFailure.notFound(base + path).response
        }
    }
}
