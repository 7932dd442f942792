#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A file opened for reading, read in chunks with `read(2)`, or from any offset with `pread(2)`.
///
/// Exists so that inputs of any size are streamed through a fixed buffer instead of being
/// loaded whole, so that the descriptor has exactly one owner that closes it, and so that one
/// open serves every pass over a file (`read(into:at:)` leaves the shared offset alone).
public final class ReadableFile: Sendable {
    public let path: String
    private let fd: Int32

    /// Opens `path` read-only. Refuses directories. `nonBlocking`: a FIFO or a device never holds
    /// the open (check `status()` before reading such a file).
    public init(path: String, nonBlocking: Bool = false) throws(SystemError) {
        self.path = path
        let flags = O_RDONLY | O_CLOEXEC | (nonBlocking ? O_NONBLOCK : 0)
        let fd = try sys("open", path) { open(path, flags) }
        var info = stat()
        if fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR {
            close(fd)
            throw SystemError(call: "open", errno: EISDIR, path: path)
        }
        self.fd = fd
    }

    deinit { close(fd) }

    /// Reads up to `buffer.count` bytes; returns 0 at end of file.
    public func read(into buffer: UnsafeMutableRawBufferPointer) throws(SystemError) -> Int {
        guard let base = buffer.baseAddress, buffer.count > 0 else { return 0 }
        let fd = self.fd
        return try sys("read", path) { Glibc.read(fd, base, buffer.count) }
    }

    /// Reads up to `buffer.count` bytes at `offset`; returns 0 at end of file.
    public func read(into buffer: UnsafeMutableRawBufferPointer, at offset: Int) throws(SystemError) -> Int {
        guard let base = buffer.baseAddress, buffer.count > 0 else { return 0 }
        let fd = self.fd
        return try sys("pread", path) { pread(fd, base, buffer.count, off_t(offset)) }
    }

    /// The open file's `fstat`: its type, links and size, whatever its path now names.
    public func status() throws(SystemError) -> stat {
        var info = stat()
        let fd = self.fd
        _ = try sys("fstat", path) { fstat(fd, &info) }
        return info
    }

    /// Whether some process holds this file open for writing (see `isOpenForWriting(_:)`), asked
    /// through this descriptor instead of a new open.
    public func isOpenForWriting() -> Bool? { writeLeaseProbe(fd) }

    /// The file's size in bytes, as `fstat` sees it now.
    public func size() throws(SystemError) -> Int {
        var info = stat()
        let fd = self.fd
        _ = try sys("fstat", path) { fstat(fd, &info) }
        return Int(info.st_size)
    }
}
