import CSV
import Support
#if canImport(Glibc)
import Glibc
#endif

/// One input file as a feed reads it: opened once, every pass reading the same descriptor from
/// its first byte up to the same limit.
///
/// Exists so a file is claimed once and read at most twice: the watcher's checks (what kind of
/// file it is, whether a writer still holds it) and each feed pass go through this one open, and
/// no pass can see bytes another did not (an upload still going on past the limit is read by the
/// next attempt). The first pass also hashes what it reads, with checkpoints, so nothing reads the
/// file only to hash it.
final class FeedSource: Sendable {
    /// Where the file is read from (a claimed file's place in `.state/claimed/`, or the named file).
    let path: String
    /// The name people know it by, for log lines.
    let name: String
    /// Read no byte at or beyond this offset: the file's size when the attempt began.
    let byteLimit: Int
    let file: ReadableFile

    /// Opens `path` (without blocking on a FIFO). `byteLimit`: nil for the file's size now.
    init(path: String, name: String? = nil, byteLimit: Int? = nil) throws(BridgeError) {
        self.path = path
        self.name = name ?? fileName(path)
        do {
            file = try ReadableFile(path: path, nonBlocking: true)
            let size = Int(try file.status().st_size)
            self.byteLimit = byteLimit.map { min($0, size) } ?? size
        } catch {
            throw .fileRejected(file: path, reason: "cannot be read: \(error)")
        }
    }

    /// The open file's `fstat`, for the checks made before it is read.
    func status() throws(SystemError) -> stat { try file.status() }

    /// Whether a local process still holds the file open for writing (nil: cannot tell).
    func isOpenForWriting() -> Bool? { file.isOpenForWriting() }

    /// A new pass from the first byte, its header read and matched to the feed's columns.
    ///
    /// Rejects the file whole, in the same words for every feed, when it is unreadable or empty,
    /// its header cannot be read, or a required column is missing, duplicated or unnamed.
    /// `hashing`: keep the hash of every raw byte read, with checkpoints (`FeedPass.content`).
    func pass(columns: [ColumnSpec], aliases: [String: [String]], options: CSVReaderOptions,
              hashing: Bool) throws(BridgeError) -> FeedPass {
        do {
            let input = BoundedInput(pass: file, limit: byteLimit, hashing: hashing)
            let reader = try CSVReader(input: input, options: options)
            guard let record = try reader.nextRecord() else {
                throw BridgeError.fileRejected(file: path, reason: HeaderError.noHeader.description)
            }
            if let problem = record.problem {
                throw BridgeError.fileRejected(file: path, reason: "the header row (line \(record.line)) cannot be read: \(problem)")
            }
            let headers = record.strings()
            do {
                let header = try HeaderMap(headers: headers, columns: columns, extraAliases: aliases)
                return FeedPass(reader: reader, headers: headers, header: header, input: input)
            } catch {
                throw BridgeError.fileRejected(file: path, reason: "line \(record.line): \(error.description)")
            }
        } catch let error as BridgeError {
            throw error
        } catch {
            throw .fileRejected(file: path, reason: "cannot be read: \(error)")
        }
    }

    /// A plain pass from the first byte (no header matching), for reading rows' cells back.
    func rawReader(options: CSVReaderOptions) throws(SystemError) -> CSVReader {
        try CSVReader(input: BoundedInput(pass: file, limit: byteLimit), options: options)
    }
}

/// One pass over a feed's input: the reader, the header as written and as matched.
struct FeedPass {
    let reader: CSVReader
    let headers: [String]
    let header: HeaderMap
    let input: BoundedInput

    /// Where the record just read lies in the file, for telling whether an earlier attempt applied it.
    var position: RecordPosition {
        RecordPosition(end: reader.lastRecordEnd, terminated: reader.lastRecordEndedWithTerminator)
    }

    /// What this pass read: its size, hash and checkpoints (nil when not hashing).
    var content: PrefixCheckpoints? {
        guard var checkpoints = input.checkpoints else { return nil }
        checkpoints.finish()
        return checkpoints
    }
}

/// The raw offset where a record ends, and whether its line terminator was there.
struct RecordPosition: Sendable, Equatable {
    /// nil for UTF-16 input, whose record offsets are not the file's.
    var end: Int?
    var terminated: Bool
}

/// The last component of a path, for messages that name a file.
func fileName(_ path: String) -> String {
    path.split(separator: "/").last.map(String.init) ?? path
}
