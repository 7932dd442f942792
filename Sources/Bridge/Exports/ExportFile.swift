import CSV
import Foundation
import Support

/// One export file on its way to the outbox: rows stream into a hidden temporary file that is
/// fsync'd and renamed under its time-stamped name only by `publish()`.
///
/// Exists because a 3PL polling `outbox/` over SFTP must never fetch half a file, and because the
/// open-order export needs the temporary path and the final name apart, to journal the file's
/// orders between writing and publishing it.
final class ExportFile {
    let destination: String
    private let file: AtomicFile
    private let writer = CSVWriter()
    private var buffer: [UInt8] = []

    /// A new file `<directory>/<prefix>-YYYYMMDD-HHMMSS.csv` (UTC); `-2`, `-3`… when the name is
    /// taken in the outbox or was used before (`usedNames`).
    init(directory: String, prefix: String, date: Date, usedNames: Set<String>, bom: Bool) throws(BridgeError) {
        // Absolute, so the journal still finds the file when the next run starts elsewhere.
        let directory = URL(fileURLWithPath: directory).standardizedFileURL.path
        let stamp = ExportFile.stamp(date)
        var name = "\(prefix)-\(stamp).csv"
        var suffix = 2
        while usedNames.contains(name) || FileManager.default.fileExists(atPath: directory + "/" + name) {
            name = "\(prefix)-\(stamp)-\(suffix).csv"
            suffix += 1
        }
        destination = directory + "/" + name
        do throws(SystemError) {
            file = try AtomicFile(destination: destination)
            if bom { try file.write(CSVWriter.utf8BOM) }
        } catch {
            throw BridgeError(writing: error)
        }
    }

    var name: String { (destination as NSString).lastPathComponent }

    func writeRow(_ cells: [CSVCell]) throws(BridgeError) {
        buffer.removeAll(keepingCapacity: true)
        writer.encodeRow(cells, into: &buffer)
        do throws(SystemError) {
            try file.write(buffer)
        } catch {
            throw BridgeError(writing: error)
        }
    }

    /// Renames the complete, fsync'd file into the outbox.
    func publish() throws(BridgeError) {
        do throws(SystemError) {
            try file.commit()
        } catch {
            throw BridgeError(writing: error)
        }
    }

    /// Removes the temporary file; nothing appears in the outbox.
    func discard() { file.discard() }

    /// `YYYYMMDD-HHMMSS` in UTC.
    static func stamp(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        func two(_ n: Int?) -> String { let n = n ?? 0; return n < 10 ? "0\(n)" : "\(n)" }
        return "\(c.year ?? 0)\(two(c.month))\(two(c.day))-\(two(c.hour))\(two(c.minute))\(two(c.second))"
    }
}

/// Creates a directory and its parents; an existing one is fine.
func makeDirectory(_ path: String) throws(BridgeError) {
    do {
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    } catch {
        throw BridgeError(.cannotWrite, error.localizedDescription, path: path)
    }
}
