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

/// The one long-lived URLSession every Linnworks call goes through.
///
/// Exists so there is exactly one connection pool (ephemeral, ≤ 4 connections per host, as
/// measured in notes §2) and one place where a `Secret` is revealed into a header or body.
final class HTTPTransport: Sendable {
    private let session: URLSession
    private let timeout: Double

    init(configuration: LinnworksClientConfiguration) {
        let config = URLSessionConfiguration.ephemeral
        config.timeoutIntervalForRequest = configuration.requestTimeout
        config.httpMaximumConnectionsPerHost = configuration.maxConnectionsPerHost
        config.httpAdditionalHeaders = ["User-Agent": configuration.userAgent]
        config.urlCache = nil
        config.httpCookieStorage = nil
        config.httpShouldSetCookies = false
        session = URLSession(configuration: config)
        timeout = configuration.requestTimeout
    }

    deinit { session.finishTasksAndInvalidate() }

    /// Sends `form` to `url`, as a POST body or, for GET, as the query; `authorization` goes raw into the header.
    func send(url: URL, usesGET: Bool, form: FormBody, authorization: Secret?) async throws(TransportFailure) -> HTTPReply {
        var target = url
        let encoded = form.encoded
        if usesGET, !encoded.isEmpty {
            guard let withQuery = URL(string: url.absoluteString + "?" + encoded) else {
                throw .fatal("cannot build the query URL")
            }
            target = withQuery
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

    /// Maps URLError codes to retry meaning (notes §2: -1001, -1004, -1005; TLS is -1 with "SSL" in the text).
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
