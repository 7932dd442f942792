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
public final class JournalFile: Sendable {
    public let path: String
    private let fd: Int32

    /// Opens `path` for appending, creating it (and nothing else) if needed.
    public init(path: String) throws(SystemError) {
        self.path = path
        fd = try sys("open", path) { open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o644) }
    }

    deinit { close(fd) }

    /// Writes `entry` as one JSON line and waits until it is on disk.
    public func append<Entry: Encodable>(_ entry: Entry) throws(JournalError) {
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
    public static func read<Entry: Decodable>(path: String, as type: Entry.Type) throws(JournalError) -> [Entry] {
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

    private static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()

    private static let decoder = JSONDecoder()
}

/// Why the journal could not be written or read; the run stops rather than risk doing work twice.
public enum JournalError: Error, Sendable, CustomStringConvertible {
    case system(SystemError)
    case encoding(String)
    case damaged(path: String, line: Int)

    public var description: String {
        switch self {
        case let .system(error): return "journal: \(error)"
        case let .encoding(reason): return "journal: cannot encode an entry: \(reason)"
        case let .damaged(path, line): return "journal \(path) is damaged at line \(line)"
        }
    }
}
