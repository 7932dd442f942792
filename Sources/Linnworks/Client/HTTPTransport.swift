import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Support

/// An HTTP answer, whatever its status.
struct HTTPReply: Sendable {
    var status: Int
    var headers: [String: String]
    var body: Data

    func header(_ name: String) -> String? {
        headers.first { $0.key.caseInsensitiveCompare(name) == .orderedSame }?.value
    }
}

/// Why no HTTP answer arrived, sorted by what it means for a retry.
enum TransportFailure: Error, Sendable {
    /// The request never left: nothing was applied, so it is safe to send again.
    case notSent(CallRecord.Outcome, String)
    /// The request may have been received and applied; the answer was lost.
    case answerLost(CallRecord.Outcome, String)
    /// TLS or URL trouble that no retry will fix.
    case fatal(String)
    case cancelled
}

/// The one place every Linnworks call goes through.
///
/// Exists so there is one connection pool and one place where a `Secret` is revealed into a
/// header or body. Calls go through libcurl's easy interface (`CurlEasy`), which waits for an
/// answer at no CPU; URLSession (ephemeral, ≤ 4 connections per host: libcurl churns connections above that) is the fallback
/// when libcurl cannot be loaded, or when `LINNBRIDGE_HTTP=urlsession` asks for it.
final class HTTPTransport: Sendable {
    private let timeout: Double
    private let userAgent: String
    /// Exactly one of the two is set: curl when it loads, URLSession only when it does not (or is asked for).
    private let curl: CurlEasy?
    private let session: URLSession?

    init(configuration: LinnworksClientConfiguration) {
        timeout = configuration.requestTimeout
        userAgent = configuration.userAgent
        curl = configuration.usesURLSession ? nil : CurlEasy()
        guard curl == nil else {
            session = nil
            return
        }
        let config = URLSessionConfiguration.ephemeral
        config.timeoutIntervalForRequest = configuration.requestTimeout
        config.httpMaximumConnectionsPerHost = configuration.maxConnectionsPerHost
        config.httpAdditionalHeaders = ["User-Agent": configuration.userAgent]
        config.urlCache = nil
        config.httpCookieStorage = nil
        config.httpShouldSetCookies = false
        session = URLSession(configuration: config)
    }

    deinit { session?.finishTasksAndInvalidate() }

    /// Sends `form` to `url`, as a POST body or, for GET, as the query; `authorization` goes raw into the header.
    ///
    /// `resendable` false (a call that cannot be sent twice) makes the call use a connection of its own,
    /// so no layer below ever re-sends it on its own.
    func send(url: URL, usesGET: Bool, form: FormBody, authorization: Secret?,
              resendable: Bool = true) async throws(TransportFailure) -> HTTPReply {
        var target = url
        let encoded = form.encoded
        if usesGET, !encoded.isEmpty {
            guard let withQuery = URL(string: url.absoluteString + "?" + encoded) else {
                throw .fatal("cannot build the query URL")
            }
            target = withQuery
        }
        guard let session else {
            return try await send(curl!, target: target, usesGET: usesGET, body: encoded, authorization: authorization,
                                  resendable: resendable)
        }
        var request = URLRequest(url: target)
        request.timeoutInterval = timeout
        request.setValue("application/json", forHTTPHeaderField: "Accept")
        if usesGET {
            request.httpMethod = "GET"
        } else {
            request.httpMethod = "POST"
            request.setValue("application/x-www-form-urlencoded; charset=utf-8", forHTTPHeaderField: "Content-Type")
            request.httpBody = Data(encoded.utf8)
        }
        if let authorization {
            authorization.reveal { request.setValue($0, forHTTPHeaderField: "Authorization") }
        }
        let data: Data
        let response: URLResponse
        do {
            (data, response) = try await session.data(for: request)
        } catch let error as URLError {
            throw HTTPTransport.classify(error)
        } catch is CancellationError {
            throw .cancelled
        } catch {
            throw .answerLost(.failed, "transport error")
        }
        guard let http = response as? HTTPURLResponse else {
            throw .answerLost(.failed, "answer was not HTTP")
        }
        var headers: [String: String] = [:]
        for (key, value) in http.allHeaderFields {
            if let key = key as? String, let value = value as? String { headers[key] = value }
        }
        return HTTPReply(status: http.statusCode, headers: headers, body: data)
    }

    private func send(_ curl: CurlEasy, target: URL, usesGET: Bool, body: String,
                      authorization: Secret?, resendable: Bool) async throws(TransportFailure) -> HTTPReply {
        var headers = ["Accept: application/json"]
        if !usesGET { headers.append("Content-Type: application/x-www-form-urlencoded; charset=utf-8") }
        if let authorization { authorization.reveal { headers.append("Authorization: \($0)") } }
        let request = CurlEasy.Request(url: target.absoluteString, isGET: usesGET, body: usesGET ? [] : Array(body.utf8),
                                       headers: headers, timeout: timeout, userAgent: userAgent,
                                       freshConnection: !resendable)
        switch await curl.perform(request) {
        case .success(let answer):
            return HTTPReply(status: answer.status, headers: answer.headers, body: answer.body)
        case .failure(let failure):
            throw HTTPTransport.classify(failure)
        }
    }

    /// Maps curl's result codes to retry meaning, as `classify(URLError)` does for URLSession.
    static func classify(_ failure: CurlEasy.Failure) -> TransportFailure {
        let code = CurlEasy.Code.self
        switch failure.code {
        case code.cannotConnect, code.cannotResolveHost, code.cannotResolveProxy:
            return .notSent(.cannotConnect, "cannot connect (\(failure.message))")
        case code.timedOut:
            // A time-out before the request went out (connecting) applied nothing.
            return failure.requestStarted ? .answerLost(.timedOut, "timed out (\(failure.message))")
                                          : .notSent(.timedOut, "timed out connecting (\(failure.message))")
        case code.unsupportedProtocol, code.badURL:
            return .fatal("unsupported URL (\(failure.message))")
        case _ where code.tls.contains(failure.code):
            return .fatal("TLS failure (\(failure.message))")
        default:
            return .answerLost(.connectionLost, "connection lost (\(failure.message))")
        }
    }

    /// Maps URLError codes to retry meaning (Documentation/SwiftOnLinux.md §2: -1001, -1004, -1005; TLS is -1 with "SSL" in the text).
    static func classify(_ error: URLError) -> TransportFailure {
        switch error.code {
        case .cancelled:
            return .cancelled
        case .cannotConnectToHost, .cannotFindHost, .dnsLookupFailed, .notConnectedToInternet:
            return .notSent(.cannotConnect, "cannot connect (URLError \(error.code.rawValue))")
        case .timedOut:
            return .answerLost(.timedOut, "timed out (URLError \(error.code.rawValue))")
        case .networkConnectionLost, .badServerResponse, .zeroByteResource, .cannotParseResponse:
            return .answerLost(.connectionLost, "connection lost (URLError \(error.code.rawValue))")
        case .unsupportedURL, .badURL:
            return .fatal("unsupported URL (URLError \(error.code.rawValue))")
        default:
            if error.localizedDescription.contains("SSL") {
                return .fatal("TLS failure (URLError \(error.code.rawValue))")
            }
            return .answerLost(.failed, "network error (URLError \(error.code.rawValue))")
        }
    }
}
