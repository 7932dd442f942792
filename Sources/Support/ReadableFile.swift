#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A file opened for reading, read in chunks with `read(2)`.
///
/// Exists so that inputs of any size are streamed through a fixed buffer instead of being
/// loaded whole, and so that the descriptor has exactly one owner that closes it.
public final class ReadableFile: Sendable {
    public let path: String
    private let fd: Int32

    /// Opens `path` read-only. Refuses directories and other non-regular files.
    public init(path: String) throws(SystemError) {
        self.path = path
        let fd = try sys("open", path) { open(path, O_RDONLY | O_CLOEXEC) }
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

    /// The file's size in bytes, as `fstat` sees it now.
    public func size() throws(SystemError) -> Int {
        var info = stat()
        let fd = self.fd
        _ = try sys("fstat", path) { fstat(fd, &info) }
        return Int(info.st_size)
    }
}
