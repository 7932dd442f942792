import Foundation
import Support

/// The `.state/exports.jsonl` journal: what each open-order export file holds and how far it got.
///
/// Exists so a crash between writing a file and tagging its orders neither loses an order nor
/// sends one twice unnoticed. Each file goes through `written` (fsync'd before the rename, with
/// its order ids), `published` (after the rename), then `tagged`; an interrupted file ends as
/// `tagged` or `abandoned` when the next run finishes it (see `OpenOrderExport`).
struct ExportJournal {
    enum Event: String, Codable {
        /// The file is complete under its temporary name and about to be renamed.
        case written
        /// The file is in the outbox under its final name.
        case published
        /// Its orders carry the tag; nothing left to do.
        case tagged
        /// It never reached the outbox; its orders are still untagged and go out in the next file.
        case abandoned
    }

    struct Entry: Codable {
        var event: Event
        /// The final path in the outbox.
        var file: String
        var tag: String?
        var orderIDs: [String]?
        var date: String

        enum CodingKeys: String, CodingKey {
            case event, file, tag, orderIDs = "order_ids", date
        }
    }

    /// A file whose orders may not all carry the tag yet.
    struct Unfinished {
        var file: String
        var tag: String
        var orderIDs: [String]
        var isPublished: Bool
    }

    let path: String

    init(stateDirectory: String) {
        path = stateDirectory + "/exports.jsonl"
    }

    func record(_ event: Event, file: String, tag: String? = nil, orderIDs: [String]? = nil) throws(BridgeError) {
        let entry = Entry(event: event, file: file, tag: tag, orderIDs: orderIDs,
                          date: Date().formatted(.iso8601))
        let journal: JournalFile
        do throws(SystemError) {
            journal = try JournalFile(path: path)
        } catch {
            throw BridgeError(writing: error)
        }
        do throws(JournalError) {
            try journal.append(entry)
        } catch {
            throw BridgeError(writing: error)
        }
    }

    /// Every file written but not yet tagged or abandoned, oldest first.
    func unfinished() throws(BridgeError) -> [Unfinished] {
        Self.unfinished(in: try entries())
    }

    static func unfinished(in entries: [Entry]) -> [Unfinished] {
        var open: [String: Unfinished] = [:]
        var order: [String] = []
        for entry in entries {
            switch entry.event {
            case .written:
                open[entry.file] = Unfinished(file: entry.file, tag: entry.tag ?? "", orderIDs: entry.orderIDs ?? [],
                                              isPublished: false)
                order.append(entry.file)
            case .published:
                open[entry.file]?.isPublished = true
            case .tagged, .abandoned:
                open[entry.file] = nil
            }
        }
        return order.compactMap { open[$0] }
    }

    private func entries() throws(BridgeError) -> [Entry] {
        do throws(JournalError) {
            return try JournalFile.read(path: path, as: Entry.self)
        } catch {
            throw BridgeError(writing: error)
        }
    }

    /// Rewrites the journal without the order ids of finished files: one short line per file
    /// remains (its name must never be reused), and unfinished files keep every line.
    ///
    /// Without it the journal grows by every exported order id forever, and every run reads it
    /// all. Only called under `ExportLock`, so no other export appends meanwhile; the rewrite is
    /// atomic, so a crash leaves the old journal or the new one.
    func compact() throws(BridgeError) {
        let entries = try entries()
        let unfinished = Set(Self.unfinished(in: entries).map(\.file))
        var finalEvent: [String: Event] = [:]
        for entry in entries { finalEvent[entry.file] = entry.event }
        var kept: [Entry] = []
        var finishedSeen = Set<String>()
        for entry in entries {
            if unfinished.contains(entry.file) {
                kept.append(entry)
            } else if finishedSeen.insert(entry.file).inserted {
                kept.append(Entry(event: finalEvent[entry.file] ?? .tagged, file: entry.file, tag: nil, orderIDs: nil,
                                  date: entry.date))
            }
        }
        // Nothing to gain: every finished file is already down to one line (a lone line of a finished
        // file is its tagged or abandoned line, which never holds order ids).
        guard kept.count < entries.count else { return }
        do throws(JournalError) {
            try JournalFile.rewrite(path: path, entries: kept)
        } catch {
            throw BridgeError(writing: error)
        }
    }

    /// Every file name the journal has seen, so a new file never reuses one a 3PL may have collected.
    func fileNames() throws(BridgeError) -> Set<String> {
        Set(try entries().map { ($0.file as NSString).lastPathComponent })
    }
}
