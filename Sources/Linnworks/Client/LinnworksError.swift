/// Why a Linnworks call failed, in terms a caller can act on.
///
/// Exists so the bridge can map each failure to an exit status and a report line without
/// parsing text: refused credentials stop the run (77), an outage leaves files for the next
/// run (69), a bad request is a row error, and an ambiguous failure means "read the orders'
/// state before doing anything else". Descriptions never contain a secret: every message
/// that came from the wire is scrubbed of the credentials and the session token first.
public enum LinnworksError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Linnworks refused the application credentials, or refused the session even after re-authorizing, or
    /// the account lacks a permission (403).
    case authorizationRefused(message: String)
    /// Still answered 429 after the allowed number of waits.
    case throttled(endpoint: Endpoint, retryAfterSeconds: Double?)
    /// No usable answer after the allowed retries: server errors, time-outs, dropped connections.
    case unavailable(endpoint: Endpoint, reason: String)
    /// Linnworks rejected the request itself (4xx); `message` is Linnworks' own sentence.
    case badRequest(endpoint: Endpoint, status: Int, message: String)
    /// A call that is not safe to repeat failed in a way that leaves open whether Linnworks applied it.
    /// Read the state of `orderIDs` (see `LinnworksClient.checkProcessing(orderIDs:)`) before anything else.
    case ambiguous(endpoint: Endpoint, orderIDs: [String], reason: String)
    /// The answer was not the JSON the endpoint promises.
    case invalidResponse(endpoint: Endpoint, reason: String)
    /// The client cannot work as configured (bad URL, TLS problem).
    case configuration(reason: String)
    /// The calling task was cancelled.
    case cancelled

    public var description: String {
        switch self {
        case .authorizationRefused(let message):
            return "Linnworks refused authorization: \(message)"
        case .throttled(let endpoint, let retryAfter):
            let wait = retryAfter.map { " (asked to wait \($0) s)" } ?? ""
            return "Linnworks kept throttling \(endpoint.rawValue)\(wait)"
        case .unavailable(let endpoint, let reason):
            return "Linnworks unavailable for \(endpoint.rawValue): \(reason)"
        case .badRequest(let endpoint, let status, let message):
            return "Linnworks rejected \(endpoint.rawValue) (HTTP \(status)): \(message)"
        case .ambiguous(let endpoint, let orderIDs, let reason):
            return "Unclear whether Linnworks applied \(endpoint.rawValue) for \(orderIDs.count) order(s): \(reason)"
        case .invalidResponse(let endpoint, let reason):
            return "Unexpected answer from \(endpoint.rawValue): \(reason)"
        case .configuration(let reason):
            return "Linnworks client configuration: \(reason)"
        case .cancelled:
            return "Linnworks call cancelled"
        }
    }
}
