import Foundation
import Support
#if canImport(Glibc)
import Glibc
#endif

/// An append-only file of JSON lines, each one on disk (fsync'd) before `append` returns.
///
/// Exists so the bridge can write down what it is about to do and what came of it — a batch's
/// intent before the call, its outcome after, an export file's orders before tagging them — and
/// pick up exactly there after a crash. A crash can only tear the last line; `read` ignores a
/// last line that is not complete JSON, never an earlier one.
final class JournalFile: Sendable {
    let path: String
    private let fd: Int32

    /// Opens `path` for appending, creating it (and nothing else) if needed. A last line torn by
    /// a crash is cut off first: appending after it would glue the next entry onto it and turn
    /// the tear into damage in the middle of the journal.
    init(path: String) throws(SystemError) {
        self.path = path
        fd = try sys("open", path) { open(path, O_RDWR | O_CREAT | O_APPEND | O_CLOEXEC, 0o644) }
        do {
            try Self.cutTornTail(fd, path: path)
        } catch {
            close(fd)
            throw error
        }
    }

    deinit { close(fd) }

    /// Truncates the file after its last newline; a torn line's entry never finished its fsync,
    /// so nothing it announced was done.
    private static func cutTornTail(_ fd: Int32, path: String) throws(SystemError) {
        let size = try sys("lseek", path) { lseek(fd, 0, SEEK_END) }
        var buffer = [UInt8](repeating: 0, count: 4096)
        var end = size
        while end > 0 {
            let start = max(0, end - off_t(buffer.count))
            let length = Int(end - start)
            let read = buffer.withUnsafeMutableBytes { pread(fd, $0.baseAddress, length, start) }
            guard read == length else { throw SystemError(call: "pread", errno: read < 0 ? errno : EIO, path: path) }
            if end == size && buffer[length - 1] == 0x0A { return }
            if let index = buffer[..<length].lastIndex(of: 0x0A) {
                return try truncate(fd, to: start + off_t(index) + 1, path: path)
            }
            end = start
        }
        if size > 0 { try truncate(fd, to: 0, path: path) }
    }

    private static func truncate(_ fd: Int32, to length: off_t, path: String) throws(SystemError) {
        _ = try sys("ftruncate", path) { ftruncate(fd, length) }
        _ = try sys("fsync", path) { fsync(fd) }
    }

    /// Writes `entry` as one JSON line and waits until it is on disk.
    func append<Entry: Encodable>(_ entry: Entry) throws(JournalError) {
        var line: [UInt8]
        do {
            line = [UInt8](try JournalFile.encoder.encode(entry))
        } catch {
            throw .encoding("\(error)")
        }
        line.append(0x0A)
        let fd = self.fd
        do throws(SystemError) {
            try writeAll(fd, line, path: path)
            _ = try sys("fsync", path) { fsync(fd) }
        } catch {
            throw .system(error)
        }
    }

    /// Every complete entry of the journal at `path`, oldest first; none when it does not exist.
    static func read<Entry: Decodable>(path: String, as type: Entry.Type) throws(JournalError) -> [Entry] {
        guard FileManager.default.fileExists(atPath: path) else { return [] }
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw .system(SystemError(call: "read", errno: EIO, path: path))
        }
        let lines = data.split(separator: 0x0A, omittingEmptySubsequences: true)
        var entries: [Entry] = []
        for (index, line) in lines.enumerated() {
            do {
                entries.append(try decoder.decode(Entry.self, from: Data(line)))
            } catch {
                // Only the very last line can be torn by a crash; anything earlier is damage.
                let isLast = index == lines.count - 1 && data.last != 0x0A
                if !isLast { throw .damaged(path: path, line: index + 1) }
            }
        }
        return entries
    }

    /// Replaces the whole journal with `entries`, atomically (written beside it, fsync'd, renamed).
    static func rewrite<Entry: Encodable>(path: String, entries: [Entry]) throws(JournalError) {
        var bytes: [UInt8] = []
        for entry in entries {
            do {
                bytes.append(contentsOf: try encoder.encode(entry))
            } catch {
                throw .encoding("\(error)")
            }
            bytes.append(0x0A)
        }
        do throws(SystemError) {
            let file = try AtomicFile(destination: path)
            try file.write(bytes)
            try file.commit()
        } catch {
            throw .system(error)
        }
    }

    private static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()

    private static let decoder = JSONDecoder()
}

/// Why the journal could not be written or read; the run stops rather than risk doing work twice.
enum JournalError: Error, Sendable, CustomStringConvertible {
    case system(SystemError)
    case encoding(String)
    case damaged(path: String, line: Int)

    var description: String {
        switch self {
        case let .system(error): return "journal: \(error)"
        case let .encoding(reason): return "journal: cannot encode an entry: \(reason)"
        case let .damaged(path, line): return "journal \(path) is damaged at line \(line)"
        }
    }
}
