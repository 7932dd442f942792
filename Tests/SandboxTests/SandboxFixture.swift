import Foundation
#if canImport(Glibc)
import Glibc
#endif
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Linnworks
@testable import Sandbox

/// A sandbox on a free loopback port over the shipped seed, plus raw HTTP helpers.
///
/// Exists so each test starts its own sandbox (no shared state between tests) and talks to
/// it over real HTTP, exactly as a client would.
struct SandboxFixture {
    let server: SandboxServer

    init(configure: (inout SandboxOptions) -> Void = { _ in }) throws {
        var options = SandboxOptions()
        options.seed = SandboxFixture.seedPath
        configure(&options)
        server = try SandboxServer(options: options)
        try server.start()
    }

    static var seedPath: String {
        // Tests run from the package root; fall back to this file's location otherwise.
        let relative = "samples/sandbox-account.json"
        if FileManager.default.fileExists(atPath: relative) { return relative }
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        return root.appendingPathComponent(relative).path
    }

    static let session: URLSession = {
        let config = URLSessionConfiguration.ephemeral
        config.httpMaximumConnectionsPerHost = 4
        config.timeoutIntervalForRequest = 30
        return URLSession(configuration: config)
    }()

    struct Reply {
        var status: Int
        var headers: [String: String]
        var body: Data
        var json: Any? { try? JSONSerialization.jsonObject(with: body, options: [.fragmentsAllowed]) }
        var text: String { String(decoding: body, as: UTF8.self) }
        func header(_ name: String) -> String? {
            headers.first { $0.key.caseInsensitiveCompare(name) == .orderedSame }?.value
        }
    }

    /// Sends one request through URLSession.
    func send(_ method: String = "POST", _ path: String, body: String? = nil, contentType: String? = nil,
              token: String? = nil) async throws -> Reply {
        var request = URLRequest(url: URL(string: server.baseURL + path)!)
        request.httpMethod = method
        if let body {
            request.httpBody = Data(body.utf8)
            request.setValue(contentType ?? "application/x-www-form-urlencoded", forHTTPHeaderField: "Content-Type")
        }
        if let token { request.setValue(token, forHTTPHeaderField: "Authorization") }
        let (data, response) = try await SandboxFixture.session.data(for: request)
        let http = response as! HTTPURLResponse
        var headers: [String: String] = [:]
        for (key, value) in http.allHeaderFields {
            if let key = key as? String, let value = value as? String { headers[key] = value }
        }
        return Reply(status: http.statusCode, headers: headers, body: data)
    }

    /// Opens a session with the seed's credentials (form field `request=<json>`, as the SDK does).
    func authorize() async throws -> String {
        let request = #"{"ApplicationId":"\#(SandboxDefaults.applicationID)","ApplicationSecret":"\#(SandboxDefaults.applicationSecret)","Token":"\#(SandboxDefaults.installationToken)"}"#
        let reply = try await send("POST", "/api/Auth/AuthorizeByApplication", body: "request=" + Self.escape(request))
        guard reply.status == 200, let object = reply.json as? [String: Any], let token = object["Token"] as? String else {
            throw FixtureError.authorizationFailed(reply.status)
        }
        return token
    }

    enum FixtureError: Error { case authorizationFailed(Int) }

    static func escape(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return text.addingPercentEncoding(withAllowedCharacters: allowed)!
    }

    /// Sends raw bytes on a fresh socket and returns everything the server wrote before closing
    /// (or until `timeout`), for requests URLSession will not send (malformed, oversized, chunked).
    func raw(_ bytes: [UInt8], timeout: Double = 5) -> String {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = UInt16(server.port!).bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        _ = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        var tv = timeval(tv_sec: Int(timeout), tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, socklen_t(MemoryLayout<timeval>.size))
        _ = bytes.withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
        // Half-close: the server answers what it got, then sees the end and hangs up.
        shutdown(fd, Int32(SHUT_WR))
        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if count <= 0 { break }
            received.append(contentsOf: buffer[0..<count])
        }
        return String(decoding: received, as: UTF8.self)
    }
}
