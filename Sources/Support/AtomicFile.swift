#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A file written under a hidden temporary name beside its destination and renamed into place.
///
/// Exists because a 3PL polling `outbox/` over SFTP, or a clerk opening `errors/` in Excel,
/// must never see half a file: readers see either nothing or the complete, fsync'd file.
/// Call `commit()` to publish; a file that is never committed is removed by `discard()` or on deinit.
public final class AtomicFile {
    public let destination: String
    public let temporaryPath: String
    private var fd: Int32
    private var pending: [UInt8] = []
    private let flushThreshold = 1 << 16

    /// Creates the temporary file `.<name>.<pid>.<n>.tmp` in the destination's directory.
    public init(destination: String) throws(SystemError) {
        self.destination = destination
        let (directory, name) = splitPath(destination)
        var attempt = 0
        while true {
            // Cut long names so the temporary one still fits NAME_MAX.
            let short = name.utf8.count > 200 ? String(decoding: name.utf8.prefix(120), as: UTF8.self) + "~" : name
            let candidate = "\(directory)/.\(short).\(getpid()).\(attempt).tmp"
            let fd = open(candidate, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
            if fd >= 0 {
                self.fd = fd
                self.temporaryPath = candidate
                return
            }
            let code = currentErrno()
            if code == EINTR { continue }
            if code != EEXIST || attempt > 1000 {
                throw SystemError(call: "open", errno: code, path: candidate)
            }
            attempt += 1
        }
    }

    deinit {
        if fd >= 0 {
            close(fd)
            unlink(temporaryPath)
        }
    }

    /// Appends bytes; they reach the disk in chunks of 64 KiB and at `commit()`.
    public func write(_ bytes: some Sequence<UInt8>) throws(SystemError) {
        pending.append(contentsOf: bytes)
        if pending.count >= flushThreshold { try flush() }
    }

    /// Appends the UTF-8 bytes of `text`.
    public func write(_ text: String) throws(SystemError) {
        try write(text.utf8)
    }

    private func flush() throws(SystemError) {
        let fd = self.fd
        let path = temporaryPath
        try writeAll(fd, pending, path: path)
        pending.removeAll(keepingCapacity: true)
    }

    /// Flushes, fsyncs, renames over the destination, and fsyncs the directory so the rename survives a crash.
    public func commit() throws(SystemError) {
        let (directory, _) = splitPath(destination)
        let destination = self.destination
        _ = try publish(in: directory) { path throws(SystemError) in
            _ = try sys("rename", destination) { rename(path, destination) }
            return destination
        }
    }

    /// Like `commit()`, but published as `folder/name` or the first free `-2`, `-3`… (then `suffix`),
    /// chosen atomically; returns the path used.
    public func commit(into folder: String, name: String, suffix: String) throws(SystemError) -> String {
        try publish(in: folder) { path throws(SystemError) in
            try NoReplace.move(path, toDirectory: folder, name: name, suffix: suffix)
        }
    }

    /// Flushes and fsyncs the temporary file, moves it with `move`, then fsyncs `directory`.
    private func publish(in directory: String, _ move: (String) throws(SystemError) -> String) throws(SystemError) -> String {
        try flush()
        let fd = self.fd
        let path = temporaryPath
        _ = try sys("fsync", path) { fsync(fd) }
        close(fd)
        self.fd = -1
        let published: String
        do {
            published = try move(path)
        } catch {
            unlink(path)
            throw error
        }
        let dirFD = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if dirFD >= 0 {
            fsync(dirFD)
            close(dirFD)
        }
        return published
    }

    /// Abandons the file: the temporary is removed, the destination untouched.
    public func discard() {
        if fd >= 0 {
            close(fd)
            unlink(temporaryPath)
            fd = -1
        }
    }
}

/// Splits a path into its directory ("." when none) and last component.
func splitPath(_ path: String) -> (directory: String, name: String) {
    guard let slash = path.lastIndex(of: "/") else { return (".", path) }
    let directory = String(path[..<slash])
    return (directory.isEmpty ? "/" : directory, String(path[path.index(after: slash)...]))
}
