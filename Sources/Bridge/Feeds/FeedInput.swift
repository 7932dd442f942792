import CSV

/// Opening a feed's input file: the reader, the header as written, and the header matched to the feed's columns.
///
/// Exists so every feed rejects a file whole for the same reasons and in the same words: unreadable,
/// empty, a header that cannot be read, a missing required column, a duplicate or empty header.
enum FeedInput {
    static func open(_ path: String, columns: [ColumnSpec], aliases: [String: [String]],
                     options: CSVReaderOptions) throws(FeedError) -> (CSVReader, [String], HeaderMap) {
        do {
            let reader = try CSVReader(path: path, options: options)
            guard let record = try reader.nextRecord() else {
                throw FeedError.fileRejected(file: path, reason: HeaderError.noHeader.description)
            }
            if let problem = record.problem {
                throw FeedError.fileRejected(file: path, reason: "the header row (line \(record.line)) cannot be read: \(problem)")
            }
            let headers = record.strings()
            do {
                return (reader, headers, try HeaderMap(headers: headers, columns: columns, extraAliases: aliases))
            } catch {
                throw FeedError.fileRejected(file: path, reason: "line \(record.line): \(error.description)")
            }
        } catch let error as FeedError {
            throw error
        } catch {
            throw .fileRejected(file: path, reason: "cannot be read: \(error)")
        }
    }
}
