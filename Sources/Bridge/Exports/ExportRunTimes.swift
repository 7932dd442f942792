import Foundation
import Support

/// When each export last finished, kept in `<state dir>/export-runs.json`.
///
/// Exists so the schedule survives a restart: without it every start would re-run every
/// export. Written atomically, so a crash leaves the previous times, never half a file.
public struct ExportRunTimes: Sendable {
    let path: String

    public init(stateDirectory: String) {
        path = stateDirectory + "/export-runs.json"
    }

    /// The recorded times; none when the file does not exist or cannot be read.
    func load() -> [ExportSchedule.Export: Date] {
        guard let data = FileManager.default.contents(atPath: path),
              let stored = try? JSONDecoder().decode([String: Double].self, from: data) else { return [:] }
        var times: [ExportSchedule.Export: Date] = [:]
        for (key, seconds) in stored {
            if let export = ExportSchedule.Export(rawValue: key) { times[export] = Date(timeIntervalSince1970: seconds) }
        }
        return times
    }

    /// Records that `export` ran at `date`.
    public func record(_ export: ExportSchedule.Export, at date: Date) throws(BridgeError) {
        var times = load()
        times[export] = date
        var stored: [String: Double] = [:]
        for (key, value) in times { stored[key.rawValue] = value.timeIntervalSince1970 }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        guard let data = try? encoder.encode(stored) else { throw BridgeError(.cannotWrite, "its contents cannot be encoded", path: path) }
        try makeDirectory((path as NSString).deletingLastPathComponent)
        do throws(SystemError) {
            let file = try AtomicFile(destination: path)
            try file.write([UInt8](data))
            try file.commit()
        } catch {
            throw BridgeError(writing: error)
        }
    }
}
