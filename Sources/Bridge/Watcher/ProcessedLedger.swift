import Foundation
import Synchronization

/// The drop folder's memory of file contents already processed, in `.state/processed.jsonl`.
///
/// Exists so a 3PL's SFTP client re-uploading yesterday's file, or a clerk saving the same export
/// twice, is recognised by its bytes and skipped with a log line, whatever the file is called.
final class ProcessedLedger: Sendable {
    struct Entry: Codable {
        var hash: String
        var name: String
        var kind: FeedKind
        var outcome: String
        var date: String

        var countsAsDone: Bool { outcome != "rejected" && outcome != ProcessedLedger.reportPending }
    }

    private let file: JournalFile
    private let hashes: Mutex<Set<String>>

    init(stateDirectory: String) throws(JournalError) {
        let path = stateDirectory + "/processed.jsonl"
        hashes = Mutex(Set(try JournalFile.read(path: path, as: Entry.self).filter(\.countsAsDone).map(\.hash)))
        do {
            file = try JournalFile(path: path)
        } catch {
            throw .system(error)
        }
    }

    /// The outcome of a file whose rows were applied but whose error report is still to be written.
    static let reportPending = "applied, report pending"

    /// Whether a file with these bytes was finished before; files rejected or still owing a report never count.
    func contains(_ hash: String) -> Bool { hashes.withLock { $0.contains(hash) } }

    /// Remembers `hash` as done (on disk before this returns).
    func record(hash: String, name: String, kind: FeedKind, outcome: String) throws(JournalError) {
        let entry = Entry(hash: hash, name: name, kind: kind, outcome: outcome, date: ISO8601DateFormatter().string(from: Date()))
        try file.append(entry)
        if entry.countsAsDone { hashes.withLock { _ = $0.insert(hash) } }
    }
}
