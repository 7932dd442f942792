import Foundation
import Support

/// The exactly-once record of one shipment file's processing batches, under `.state/`.
///
/// Exists because `ProcessOrdersInBatch` must never be applied twice: each batch's intent is on
/// disk before the call and its outcome after. A restart finds batches with an intent and no
/// outcome, and the feed reads those orders' state from Linnworks before sending anything again
/// (what to do is decided by `OrderActions`; this is only the file).
/// The journal is named by a hash of the file's bytes, so the same content dropped again finds it,
/// and it is removed once the file is finished.
struct ShipmentJournal {
    struct Entry: Codable, Equatable {
        enum Kind: String, Codable { case intent, outcome }
        var kind: Kind
        var batch: Int
        var orders: [String]
        /// Orders Linnworks processed (or that a read-back found processed).
        var processed: [String]?
        /// Orders Linnworks refused, with its reason.
        var refused: [String: String]?
    }

    let path: String
    private let file: JournalFile

    /// `contentHash`: the hash of the input's bytes as the feed read them; nil: read the file to hash it.
    init(stateDirectory: String, inputPath: String, contentHash: UInt64? = nil) throws(BridgeError) {
        do {
            try FileManager.default.createDirectory(atPath: stateDirectory, withIntermediateDirectories: true)
        } catch {
            throw .cannotWrite(path: stateDirectory, reason: error.localizedDescription)
        }
        let hash: UInt64
        if let contentHash {
            hash = contentHash
        } else {
            do {
                hash = try ContentHash.of(path: inputPath)
            } catch {
                throw .fileRejected(file: inputPath, reason: "cannot be read: \(error)")
            }
        }
        path = stateDirectory + "/shipments-" + String(hash, radix: 16) + ".jsonl"
        do {
            file = try JournalFile(path: path)
        } catch {
            throw .cannotWrite(path: path, reason: "\(error)")
        }
    }

    /// What earlier runs of the same content wrote, for `OrderActions` to start from.
    func entries() throws(BridgeError) -> [Entry] {
        do {
            return try JournalFile.read(path: path, as: Entry.self)
        } catch {
            throw .configuration("\(error)")
        }
    }

    func record(_ entry: Entry) throws(BridgeError) {
        do {
            try file.append(entry)
        } catch {
            throw .cannotWrite(path: path, reason: "\(error)")
        }
    }

    /// The file is finished: nothing is left to resume.
    func remove() {
        try? FileManager.default.removeItem(atPath: path)
    }
}
