#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An exclusive `flock` on a file, held until the lock is released or the process ends.
///
/// Exists so two processes sharing a drop folder (the watch daemon's scheduled export and a
/// clerk's `linnbridge export`) never run the same job at once: both would list the same
/// untagged orders and the 3PL would receive them twice. The kernel drops the lock when the
/// process dies, so a crash never leaves it stuck.
public final class FileLock: Sendable {
    public let path: String
    private let fd: Int32

    /// Takes the lock if it is free; nil when another process (or another open of the file) holds it.
    public static func tryLock(_ path: String) throws(SystemError) -> FileLock? {
        let fd = try sys("open", path) { open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644) }
        while flock(fd, LOCK_EX | LOCK_NB) != 0 {
            let code = currentErrno()
            if code == EINTR { continue }
            close(fd)
            if code == EWOULDBLOCK { return nil }
            throw SystemError(call: "flock", errno: code, path: path)
        }
        return FileLock(path: path, fd: fd)
    }

    private init(path: String, fd: Int32) {
        self.path = path
        self.fd = fd
    }

    /// Replaces what the lock file holds (a pid, for the message of whoever is turned away).
    public func replaceContents(_ bytes: [UInt8]) {
        _ = ftruncate(fd, 0)
        _ = bytes.withUnsafeBytes { pwrite(fd, $0.baseAddress, $0.count, 0) }
    }

    /// Closing the descriptor releases the lock.
    deinit { close(fd) }
}
