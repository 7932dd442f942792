import Foundation
import Synchronization

/// The drop folder's memory of file contents already processed, in `.state/processed.jsonl`.
///
/// Exists so a 3PL's SFTP client re-uploading yesterday's file, or a clerk saving the same export
/// twice, is recognised by its bytes and skipped with a log line, whatever the file is called.
public final class ProcessedLedger: Sendable {
    struct Entry: Codable {
        var hash: String
        var name: String
        var kind: FeedKind
        var outcome: String
        var date: String
    }

    private let file: JournalFile
    private let hashes: Mutex<Set<String>>

    public init(stateDirectory: String) throws(JournalError) {
        let path = stateDirectory + "/processed.jsonl"
        hashes = Mutex(Set(try JournalFile.read(path: path, as: Entry.self).map(\.hash)))
        do {
            file = try JournalFile(path: path)
        } catch {
            throw .system(error)
        }
    }

    public func contains(_ hash: String) -> Bool { hashes.withLock { $0.contains(hash) } }

    /// Remembers `hash` as done (on disk before this returns).
    public func record(hash: String, name: String, kind: FeedKind, outcome: String) throws(JournalError) {
        try file.append(Entry(hash: hash, name: name, kind: kind, outcome: outcome, date: ISO8601DateFormatter().string(from: Date())))
        hashes.withLock { _ = $0.insert(hash) }
    }
}
