import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// libcurl's easy interface, reached through `dlopen`, with each transfer blocking its own thread.
///
/// Exists because FoundationNetworking's URLSession, which runs on this same libcurl, busy-loops
/// while it waits for an answer: its dispatch glue keeps the socket's write source armed after curl
/// has asked only for read readiness, so a Linnworks that accepts a call and never answers cost
/// about 90 % of a core for the whole call timeout (measured: 15 s of waiting, 14.5 s of CPU).
/// `curl_easy_perform` waits in `poll` instead, at no CPU. Cancelling a URLSession task from a
/// task group could also deadlock (swift-corelibs-foundation#5412); a transfer here is never
/// cancelled — it ends by its answer or by curl's own timeout, and a process that must stop sooner
/// simply exits (signals, see `StopSignal`).
///
/// libcurl is the library FoundationNetworking itself loads (`ldd libFoundationNetworking.so`), so
/// this adds no dependency; `curl_easy_setopt`/`getinfo` are variadic in C and are called through
/// fixed-argument pointers, which the x86-64 and AArch64 Linux calling conventions pass identically.
final class CurlEasy: Sendable {
    struct Request: Sendable {
        var url: String
        var isGET: Bool
        var body: [UInt8]
        var headers: [String]
        var timeout: Double
        var userAgent: String
        /// A new connection for this call: curl silently re-sends a request whose reused connection
        /// died before any answer, which must never happen to a call that cannot be sent twice.
        var freshConnection: Bool
    }

    struct Answer: Sendable {
        var status: Int
        var headers: [String: String]
        var body: Data
    }

    /// A finished transfer that got no HTTP answer: curl's code, whether the request had started
    /// to go out, and curl's own sentence.
    struct Failure: Error, Sendable {
        var code: Int32
        var requestStarted: Bool
        var message: String
    }

    private typealias InitFn = @convention(c) () -> OpaquePointer?
    private typealias ResetFn = @convention(c) (OpaquePointer?) -> Void
    private typealias PerformFn = @convention(c) (OpaquePointer?) -> Int32
    private typealias SetLongFn = @convention(c) (OpaquePointer?, Int32, Int) -> Int32
    private typealias SetPointerFn = @convention(c) (OpaquePointer?, Int32, UnsafeRawPointer?) -> Int32
    private typealias GetInfoFn = @convention(c) (OpaquePointer?, Int32, UnsafeMutableRawPointer?) -> Int32
    private typealias SlistAppendFn = @convention(c) (OpaquePointer?, UnsafePointer<CChar>?) -> OpaquePointer?
    private typealias SlistFreeFn = @convention(c) (OpaquePointer?) -> Void
    private typealias GlobalInitFn = @convention(c) (Int) -> Int32
    private typealias StrErrorFn = @convention(c) (Int32) -> UnsafePointer<CChar>?
    typealias WriteCallback = @convention(c) (UnsafeMutablePointer<CChar>?, Int, Int, UnsafeMutableRawPointer?) -> Int

    private struct Functions: @unchecked Sendable {
        let initHandle: InitFn, reset: ResetFn, perform: PerformFn
        let setLong: SetLongFn, setPointer: SetPointerFn, getInfo: GetInfoFn
        let slistAppend: SlistAppendFn, slistFree: SlistFreeFn, strError: StrErrorFn
    }

    /// Idle easy handles; each keeps its own connection alive between calls.
    private struct Pool: @unchecked Sendable { var handles: [OpaquePointer] = [] }

    private let functions: Functions
    private let pool = Mutex(Pool())

    /// Nil when libcurl cannot be loaded; the caller then falls back to URLSession.
    init?() {
        guard let library = dlopen("libcurl.so.4", RTLD_NOW) else { return nil }
        func symbol<T>(_ name: String, as: T.Type) -> T? {
            guard let pointer = dlsym(library, name) else { return nil }
            return unsafeBitCast(pointer, to: T.self)
        }
        guard let global = symbol("curl_global_init", as: GlobalInitFn.self),
              let initHandle = symbol("curl_easy_init", as: InitFn.self),
              let reset = symbol("curl_easy_reset", as: ResetFn.self),
              let perform = symbol("curl_easy_perform", as: PerformFn.self),
              let setLong = symbol("curl_easy_setopt", as: SetLongFn.self),
              let setPointer = symbol("curl_easy_setopt", as: SetPointerFn.self),
              let getInfo = symbol("curl_easy_getinfo", as: GetInfoFn.self),
              let slistAppend = symbol("curl_slist_append", as: SlistAppendFn.self),
              let slistFree = symbol("curl_slist_free_all", as: SlistFreeFn.self),
              let strError = symbol("curl_easy_strerror", as: StrErrorFn.self)
        else { return nil }
        // CURL_GLOBAL_ALL; reference-counted by curl, and FoundationNetworking calls it too.
        guard global(3) == 0 else { return nil }
        functions = Functions(initHandle: initHandle, reset: reset, perform: perform, setLong: setLong,
                              setPointer: setPointer, getInfo: getInfo, slistAppend: slistAppend,
                              slistFree: slistFree, strError: strError)
    }

    /// Runs one transfer on its own thread, so no Swift concurrency thread ever blocks on the network.
    func perform(_ request: Request) async -> Result<Answer, Failure> {
        await withCheckedContinuation { (continuation: CheckedContinuation<Result<Answer, Failure>, Never>) in
            let thread = Thread { continuation.resume(returning: self.performBlocking(request)) }
            thread.name = "linnworks-call"
            thread.start()
        }
    }

    private func performBlocking(_ request: Request) -> Result<Answer, Failure> {
        let f = functions
        guard let handle = pool.withLock({ $0.handles.popLast() }) ?? f.initHandle() else {
            return .failure(Failure(code: 2, requestStarted: false, message: "curl_easy_init failed"))
        }
        f.reset(handle)
        var list: OpaquePointer?
        // "Expect:" switches off curl's 100-continue pause for larger bodies.
        for header in request.headers + ["Expect:"] {
            list = header.withCString { f.slistAppend(list, $0) }
        }
        defer { f.slistFree(list) }
        let sink = Sink()
        let sinkPointer = Unmanaged.passRetained(sink).toOpaque()
        defer { Unmanaged<Sink>.fromOpaque(sinkPointer).release() }
        let timeoutMs = Int(min(max(request.timeout, 0.001), 86_400) * 1000)
        let code: Int32 = request.url.withCString { url in
            request.userAgent.withCString { agent in
                request.body.withUnsafeBytes { body in
                    _ = f.setPointer(handle, Option.url, url)
                    _ = f.setPointer(handle, Option.userAgent, agent)
                    _ = f.setPointer(handle, Option.httpHeader, UnsafeRawPointer(list))
                    _ = f.setLong(handle, Option.noSignal, 1)
                    if request.freshConnection { _ = f.setLong(handle, Option.freshConnect, 1) }
                    _ = f.setLong(handle, Option.timeoutMs, timeoutMs)
                    _ = f.setLong(handle, Option.connectTimeoutMs, min(timeoutMs, 30_000))
                    _ = f.setPointer(handle, Option.writeFunction, unsafeBitCast(Sink.onBody, to: UnsafeRawPointer.self))
                    _ = f.setPointer(handle, Option.writeData, sinkPointer)
                    _ = f.setPointer(handle, Option.headerFunction, unsafeBitCast(Sink.onHeader, to: UnsafeRawPointer.self))
                    _ = f.setPointer(handle, Option.headerData, sinkPointer)
                    if request.isGET {
                        _ = f.setLong(handle, Option.httpGet, 1)
                    } else {
                        _ = f.setLong(handle, Option.post, 1)
                        _ = f.setLong(handle, Option.postFieldSize, body.count)
                        // An empty body still needs a valid pointer, or curl reads the body from stdin.
                        _ = f.setPointer(handle, Option.postFields, body.baseAddress ?? UnsafeRawPointer(url))
                    }
                    return f.perform(handle)
                }
            }
        }
        var status = 0
        _ = f.getInfo(handle, Info.responseCode, &status)
        var pretransfer = 0.0
        _ = f.getInfo(handle, Info.pretransferTime, &pretransfer)
        pool.withLock { $0.handles.append(handle) }
        guard code == 0, status > 0 else {
            let text = f.strError(code).map { String(cString: $0) } ?? "curl error"
            return .failure(Failure(code: code, requestStarted: pretransfer > 0, message: "\(text) (curl \(code))"))
        }
        return .success(Answer(status: status, headers: sink.headers, body: sink.body))
    }

    /// Collects one answer; touched only by the thread running its transfer.
    private final class Sink {
        var headers: [String: String] = [:]
        var body = Data()

        static let onBody: WriteCallback = { pointer, size, count, user in
            guard let pointer, let user else { return 0 }
            let sink = Unmanaged<Sink>.fromOpaque(user).takeUnretainedValue()
            let length = size * count
            pointer.withMemoryRebound(to: UInt8.self, capacity: length) { sink.body.append($0, count: length) }
            return length
        }

        static let onHeader: WriteCallback = { pointer, size, count, user in
            guard let pointer, let user else { return 0 }
            let sink = Unmanaged<Sink>.fromOpaque(user).takeUnretainedValue()
            let length = size * count
            let line = pointer.withMemoryRebound(to: UInt8.self, capacity: length) {
                String(decoding: UnsafeBufferPointer(start: $0, count: length), as: UTF8.self)
            }
            if line.hasPrefix("HTTP/") {
                sink.headers = [:]  // a new status line (after a 100 Continue) starts the headers again
            } else if let colon = line.firstIndex(of: ":") {
                let name = line[..<colon].trimmingCharacters(in: .whitespaces)
                let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespacesAndNewlines)
                sink.headers[name] = value
            }
            return length
        }
    }

    /// The `CURLoption` numbers used (curl.h: LONG + n, OBJECTPOINT 10000 + n, FUNCTIONPOINT 20000 + n).
    private enum Option {
        static let writeData: Int32 = 10001, url: Int32 = 10002, postFields: Int32 = 10015
        static let userAgent: Int32 = 10018, httpHeader: Int32 = 10023, headerData: Int32 = 10029
        static let writeFunction: Int32 = 20011, headerFunction: Int32 = 20079
        static let post: Int32 = 47, postFieldSize: Int32 = 60, httpGet: Int32 = 80, noSignal: Int32 = 99
        static let freshConnect: Int32 = 74, timeoutMs: Int32 = 155, connectTimeoutMs: Int32 = 156
    }

    /// `CURLINFO` numbers: LONG is 0x200000 + n, DOUBLE 0x300000 + n.
    private enum Info {
        static let responseCode: Int32 = 0x200002, pretransferTime: Int32 = 0x300006
    }

    /// curl's result codes that decide what a failure means for a retry.
    enum Code {
        static let unsupportedProtocol: Int32 = 1, badURL: Int32 = 3, cannotResolveProxy: Int32 = 5
        static let cannotResolveHost: Int32 = 6, cannotConnect: Int32 = 7, timedOut: Int32 = 28
        static let tls: Set<Int32> = [35, 51, 53, 54, 58, 59, 60, 64, 66, 77, 80, 82, 83, 90, 91]
    }
}
