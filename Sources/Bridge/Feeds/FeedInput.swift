import CSV
import Support

/// Opening a feed's input file: the reader, the header as written, and the header matched to the feed's columns.
///
/// Exists so every feed rejects a file whole for the same reasons and in the same words: unreadable,
/// empty, a header that cannot be read, a missing required column, a duplicate or empty header;
/// and so every pass of one attempt reads the same bytes (up to the attempt's `byteLimit`).
struct FeedInput {
    let reader: CSVReader
    let headers: [String]
    let header: HeaderMap
    /// The raw file as the reader gets it: how far it was read, and the hash of what was.
    let source: BoundedInput

    /// Opens `path` and reads its header, reading no byte at or past `byteLimit`.
    /// `hashing`: keep the hash of every raw byte read, for `readThrough` and the shipment journal.
    static func open(_ path: String, columns: [ColumnSpec], aliases: [String: [String]], options: CSVReaderOptions,
                     byteLimit: Int?, hashing: Bool) throws(FeedError) -> FeedInput {
        do {
            let source = BoundedInput(try ReadableFile(path: path), limit: byteLimit, hashing: hashing)
            let reader = try CSVReader(input: source, options: options)
            guard let record = try reader.nextRecord() else {
                throw FeedError.fileRejected(file: path, reason: HeaderError.noHeader.description)
            }
            if let problem = record.problem {
                throw FeedError.fileRejected(file: path, reason: "the header row (line \(record.line)) cannot be read: \(problem)")
            }
            let headers = record.strings()
            do {
                let header = try HeaderMap(headers: headers, columns: columns, extraAliases: aliases)
                return FeedInput(reader: reader, headers: headers, header: header, source: source)
            } catch {
                throw FeedError.fileRejected(file: path, reason: "line \(record.line): \(error.description)")
            }
        } catch let error as FeedError {
            throw error
        } catch {
            throw .fileRejected(file: path, reason: "cannot be read: \(error)")
        }
    }

    /// The raw bytes read so far and their hash; nil when not hashing, and for UTF-16 input, whose
    /// record offsets are not the file's (so a later attempt could not use them anyway).
    var readThrough: ReadThrough? {
        guard let hash = source.hash, reader.lastRecordEnd != nil else { return nil }
        return ReadThrough(bytes: source.bytesRead, hash: hash.value)
    }

    /// The size to plan for: the file's, or the limit if the file has grown past it.
    static func plannedSize(_ path: String, byteLimit: Int?) -> Int {
        let size = (try? ReadableFile(path: path).size()) ?? 0
        return byteLimit.map { min($0, size) } ?? size
    }
}
