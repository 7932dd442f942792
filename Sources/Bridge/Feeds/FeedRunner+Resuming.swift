import Foundation
import Support
import Synchronization

extension FeedRunner {
    /// Runs the feed on a named file (`import`) so a run stopped or killed mid-file resumes after the
    /// rows Linnworks confirmed, as the watcher's claimed files do: the confirmed lines are kept in
    /// `<stateDirectory>/imports/<kind>-<hash>.applied`, keyed by the file's bytes (hashed by the
    /// feed's first pass), and used only while the file still has exactly those bytes. The cursor
    /// goes once the file is done (applied, rows rejected, or rejected whole); after an outage, a
    /// stop or a write failure it stays.
    public func applyResuming(_ path: String, reportPath: String, stateDirectory: String,
                              logger: Logger) async throws(BridgeError) -> FeedSummary {
        let source = try FeedSource(path: path)
        let folder = stateDirectory + "/imports"
        let kind = self.kind
        let cursor = Mutex<AppliedCursor?>(nil)
        let attempt = FeedAttempt(resume: { content in
            try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            let path = folder + "/" + kind.rawValue + "-" + String(content.contentHash, radix: 16) + ".applied"
            let resumed = AppliedCursor.resume(path: path, size: content.bytes, hash: content.contentHash,
                                               fileName: source.name, logger: logger)
            cursor.withLock { $0 = resumed.cursor }
            return .proceed(earlier: resumed.earlier, confirmed: resumed.confirmed)
        })
        do {
            let summary = try await self(source, reportPath: reportPath, attempt: attempt)
            cursor.withLock { $0?.remove() }
            return summary
        } catch {
            if error.code == .fileRejected { cursor.withLock { $0?.remove() } }
            throw error
        }
    }
}
