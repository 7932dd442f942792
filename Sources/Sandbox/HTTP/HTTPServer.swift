import Foundation
#if canImport(Glibc)
import Glibc
#endif
import Support
import Synchronization

/// A small HTTP/1.1 server on POSIX sockets, bound to 127.0.0.1 only.
///
/// Exists because Foundation has no HTTP server on Linux (Documentation/SwiftOnLinux.md §3). One thread accepts,
/// one thread serves each connection with blocking I/O; keep-alive, `Content-Length`
/// bodies, each answer in a single `send` with `TCP_NODELAY` so no Nagle stall.
/// Anything it cannot parse gets a 400 and a closed connection — never a crash.
final class HTTPServer: Sendable {
    typealias Handler = @Sendable (HTTPRequest) -> HTTPAnswer

    static let maxBodyBytes = 10 * 1024 * 1024
    static let maxHeaderBytes = 64 * 1024

    private let handler: Handler
    private let listener = Mutex<Int32>(-1)
    private let connections = Mutex<Set<Int32>>([])
    private let isStopped = Atomic<Bool>(false)

    init(handler: @escaping Handler) {
        self.handler = handler
    }

    /// Binds 127.0.0.1:`port` (0 picks a free port), starts accepting, returns the port.
    func start(port: Int) throws(SystemError) -> Int {
        let fd = try sys("socket") { socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0) }
        var one: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = UInt16(clamping: port).bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        do {
            _ = try sys("bind", "127.0.0.1:\(port)") {
                withUnsafePointer(to: &address) {
                    $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                        bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
                    }
                }
            }
            _ = try sys("listen") { listen(fd, 512) }
        } catch {
            close(fd)
            throw error
        }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        listener.withLock { $0 = fd }
        let thread = Thread { [self] in acceptLoop(fd) }
        thread.name = "sandbox-accept"
        thread.start()
        return Int(UInt16(bigEndian: address.sin_port))
    }

    /// Stops accepting and hangs up every open connection.
    func stop() {
        guard !isStopped.exchange(true, ordering: .acquiringAndReleasing) else { return }
        let fd = listener.withLock { fd in defer { fd = -1 }; return fd }
        if fd >= 0 {
            shutdown(fd, Int32(SHUT_RDWR))
            close(fd)
        }
        connections.withLock { open in
            for connection in open { shutdown(connection, Int32(SHUT_RDWR)) }
        }
    }

    private func acceptLoop(_ fd: Int32) {
        while !isStopped.load(ordering: .acquiring) {
            let connection = accept(fd, nil, nil)
            if connection < 0 {
                if errno == EINTR || errno == ECONNABORTED || errno == EMFILE || errno == ENFILE {
                    if errno == EMFILE || errno == ENFILE { usleep(10_000) }
                    continue
                }
                return
            }
            var one: Int32 = 1
            setsockopt(connection, Int32(IPPROTO_TCP), TCP_NODELAY, &one, socklen_t(MemoryLayout<Int32>.size))
            connections.withLock { _ = $0.insert(connection) }
            if isStopped.load(ordering: .acquiring) {
                finish(connection)
                return
            }
            let thread = Thread { [self] in
                serve(connection)
                finish(connection)
            }
            thread.stackSize = 512 * 1024
            thread.start()
        }
    }

    private func finish(_ connection: Int32) {
        connections.withLock { _ = $0.remove(connection) }
        close(connection)
    }

    /// Reads requests off one connection until it closes, answering each in turn.
    private func serve(_ connection: Int32) {
        var reader = RequestReader(fd: connection)
        while !isStopped.load(ordering: .acquiring) {
            let parsed = reader.next()
            switch parsed {
            case .closed:
                return
            case .failed(let status):
                let response = HTTPResponse.json(status, .object([("Code", .string("-")),
                                                                  ("Message", .string(HTTPResponse.reason(status)))]))
                _ = sendAll(connection, response.serialized(keepAlive: false))
                return
            case .request(let request):
                switch handler(request) {
                case .dropConnection:
                    return
                case .respond(let response):
                    let keepAlive = request.wantsKeepAlive
                    guard sendAll(connection, response.serialized(keepAlive: keepAlive)), keepAlive else { return }
                }
            }
        }
    }

    private func sendAll(_ connection: Int32, _ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let sent = send(connection, raw.baseAddress! + offset, raw.count - offset, Int32(MSG_NOSIGNAL))
                if sent < 0 {
                    if errno == EINTR { continue }
                    return false
                }
                offset += sent
            }
            return true
        }
    }
}
