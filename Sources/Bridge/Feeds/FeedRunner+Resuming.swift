import Foundation
import Support

extension FeedRunner {
    /// Runs the feed on a named file (`import`) so a run stopped or killed mid-file resumes after the
    /// rows Linnworks confirmed, as the watcher's claimed files do: the confirmed lines are kept in
    /// `<stateDirectory>/imports/<kind>-<hash>.applied`, keyed by the file's bytes, and used only
    /// while the file still has exactly those bytes. The cursor goes once the file is done (applied,
    /// rows rejected, or rejected whole); after an outage, a stop or a write failure it stays.
    public func applyResuming(_ path: String, reportPath: String, stateDirectory: String,
                              logger: Logger) async throws(FeedError) -> FeedSummary {
        let size: Int
        let hash: UInt64
        do {
            hash = try ContentHash.of(path: path)
            size = ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? NSNumber)?.intValue ?? 0
        } catch {
            // Unreadable: the feed itself says why, with the file's name.
            return try await self(path, reportPath: reportPath)
        }
        let folder = stateDirectory + "/imports"
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let cursorPath = folder + "/" + kind.rawValue + "-" + String(hash, radix: 16) + ".applied"
        let (cursor, attempt) = AppliedCursor.resume(path: cursorPath, size: size, hash: hash,
                                                     fileName: URL(fileURLWithPath: path).lastPathComponent, logger: logger)
        do {
            let summary = try await self(path, reportPath: reportPath, attempt: attempt)
            cursor.remove()
            return summary
        } catch {
            if case .fileRejected = error { cursor.remove() }
            throw error
        }
    }
}
