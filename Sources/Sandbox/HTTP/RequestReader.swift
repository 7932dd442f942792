#if canImport(Glibc)
import Glibc
#endif

/// Reads HTTP/1.1 requests from a blocking socket, one at a time, keeping leftover bytes
/// for the next request on the same connection.
///
/// Exists apart from the server so its limits are in one place: a head over 64 KiB is 431,
/// a body over 10 MB is 413, chunked bodies are 501, anything unparsable is 400.
///
/// A body that stops arriving for `bodyStallTimeout` ends the connection without an answer.
/// This matters more than it looks: when a keep-alive connection dies under a POST, libcurl
/// silently re-sends the request on a new connection but cannot rewind URLSession's body,
/// so the headers arrive promising bytes that never come. Hanging up turns that into the
/// prompt "connection lost" the client knows how to handle, instead of a long time-out.
struct RequestReader {
    enum Result {
        case request(HTTPRequest)
        case closed
        case failed(status: Int)
    }

    private enum Fill { case data, end, stalled }

    static let bodyStallTimeout = 1.0

    private let fd: Int32
    private var buffer: [UInt8] = []
    private var chunk = [UInt8](repeating: 0, count: 64 * 1024)

    init(fd: Int32) { self.fd = fd }

    mutating func next() -> Result {
        var headEnd: Int?
        var searchFrom = 0
        while true {
            headEnd = RequestReader.findHeadEnd(buffer, from: searchFrom)
            if headEnd != nil { break }
            if buffer.count > HTTPServer.maxHeaderBytes { return .failed(status: 431) }
            searchFrom = max(0, buffer.count - 3)
            guard fill() == .data else { return buffer.isEmpty ? .closed : .failed(status: 400) }
        }
        guard let end = headEnd else { return .failed(status: 400) }
        let head = String(decoding: buffer[0..<end], as: UTF8.self)
        var lines = head.split(separator: "\r\n", omittingEmptySubsequences: false)
        guard !lines.isEmpty else { return .failed(status: 400) }
        let requestLine = lines.removeFirst().split(separator: " ", omittingEmptySubsequences: true)
        guard requestLine.count == 3, requestLine[2].hasPrefix("HTTP/1."), requestLine[1].hasPrefix("/") else {
            return .failed(status: 400)
        }
        var headers: [(name: String, value: String)] = []
        for line in lines where !line.isEmpty {
            guard let colon = line.firstIndex(of: ":") else { return .failed(status: 400) }
            let name = line[..<colon].lowercased()
            let value = line[line.index(after: colon)...].trimmingCharacters(in: " \t")
            headers.append((name, value))
        }
        var request = HTTPRequest(method: String(requestLine[0]), target: String(requestLine[1]),
                                  version: String(requestLine[2]), headers: headers, body: [])
        if let encoding = request.header("transfer-encoding"), encoding.lowercased() != "identity" {
            return .failed(status: 501)
        }
        var length = 0
        if let text = request.header("content-length") {
            guard let value = Int(text), value >= 0 else { return .failed(status: 400) }
            length = value
        }
        if length > HTTPServer.maxBodyBytes { return .failed(status: 413) }
        let bodyStart = end + 4
        if buffer.count - bodyStart < length {
            setReceiveTimeout(RequestReader.bodyStallTimeout)
            defer { setReceiveTimeout(0) }
            while buffer.count - bodyStart < length {
                switch fill() {
                case .data: continue
                case .end, .stalled: return .closed
                }
            }
        }
        request.body = Array(buffer[bodyStart..<bodyStart + length])
        buffer.removeSubrange(0..<bodyStart + length)
        return .request(request)
    }

    /// Reads more bytes into the buffer.
    private mutating func fill() -> Fill {
        while true {
            let count = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if count > 0 {
                buffer.append(contentsOf: chunk[0..<count])
                return .data
            }
            if count < 0, errno == EINTR { continue }
            if count < 0, errno == EAGAIN || errno == EWOULDBLOCK { return .stalled }
            return .end
        }
    }

    /// Seconds a `recv` may wait; 0 waits forever (idle keep-alive connections).
    private func setReceiveTimeout(_ seconds: Double) {
        var time = timeval(tv_sec: Int(seconds), tv_usec: Int((seconds - seconds.rounded(.down)) * 1_000_000))
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &time, socklen_t(MemoryLayout<timeval>.size))
    }

    private static func findHeadEnd(_ bytes: [UInt8], from start: Int) -> Int? {
        guard bytes.count >= 4 else { return nil }
        var index = start
        while index + 3 < bytes.count {
            if bytes[index] == 13, bytes[index + 1] == 10, bytes[index + 2] == 13, bytes[index + 3] == 10 {
                return index
            }
            index += 1
        }
        return nil
    }
}

private extension String {
    func trimmingCharacters(in set: String) -> String {
        var view = Substring(self)
        while let first = view.first, set.contains(first) { view = view.dropFirst() }
        while let last = view.last, set.contains(last) { view = view.dropLast() }
        return String(view)
    }
}

private extension Substring {
    func trimmingCharacters(in set: String) -> String { String(self).trimmingCharacters(in: set) }
}
