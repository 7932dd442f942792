#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A failed system call, with the call's name, `errno` and the path it was about.
///
/// Exists so that every POSIX failure reaches the user as one sentence naming what
/// was attempted on which file ("open /drop/a.csv: Permission denied"), and so that
/// callers can tell "not found" from "no permission" without parsing text.
public struct SystemError: Error, Sendable, Equatable, CustomStringConvertible {
    public var call: String
    public var errno: Int32
    public var path: String?

    public init(call: String, errno: Int32, path: String? = nil) {
        self.call = call
        self.errno = errno
        self.path = path
    }

    /// The `errno`s that mean "this local file or folder cannot be written", by their C names.
    public static let localWriteFailures: [Int32: String] = [
        ENOSPC: "ENOSPC", EROFS: "EROFS", EACCES: "EACCES", EPERM: "EPERM", ENAMETOOLONG: "ENAMETOOLONG", EDQUOT: "EDQUOT",
    ]

    /// The system's own sentence for `errno` ("No space left on device"), with the C name of a write failure.
    public var reason: String {
        let text = String(cString: strerror(errno))
        return Self.localWriteFailures[errno].map { "\(text) (\($0))" } ?? text
    }

    public var description: String {
        let reason = self.reason
        if let path { return "\(call) \(path): \(reason)" }
        return "\(call): \(reason)"
    }
}

/// Runs a POSIX call, retrying on `EINTR`, and turns `-1` into a `SystemError`.
///
/// `errno` is read immediately after the failing call, before anything else can touch it.
@inline(__always)
public func sys<T: FixedWidthInteger>(
    _ call: String, _ path: String? = nil, _ body: () -> T
) throws(SystemError) -> T {
    while true {
        let result = body()
        if result != -1 { return result }
        let code = currentErrno()
        if code != EINTR { throw SystemError(call: call, errno: code, path: path) }
    }
}

@inline(__always)
func currentErrno() -> Int32 {
    #if canImport(Glibc)
    return Glibc.errno
    #else
    return Darwin.errno
    #endif
}

/// Writes all of `bytes` to `fd`, however many `write(2)` calls that takes.
public func writeAll(_ fd: Int32, _ bytes: UnsafeRawBufferPointer, path: String) throws(SystemError) {
    var offset = 0
    while offset < bytes.count {
        let base = bytes.baseAddress! + offset
        let remaining = bytes.count - offset
        offset += try sys("write", path) { write(fd, base, remaining) }
    }
}

/// Writes all of `bytes` to `fd`.
public func writeAll(_ fd: Int32, _ bytes: [UInt8], path: String) throws(SystemError) {
    var failure: SystemError?
    bytes.withUnsafeBytes { raw in
        do throws(SystemError) {
            try writeAll(fd, raw, path: path)
        } catch {
            failure = error
        }
    }
    if let failure { throw failure }
}
