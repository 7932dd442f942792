import Foundation
import Support

extension FeedSummary {
    /// The counts of the per-file log line (rows read, applied, rejected, skipped, API calls, seconds).
    public func logMetadata(mode: FeedMode) -> LogMetadata {
        var metadata: LogMetadata = ["file.name": URL(fileURLWithPath: file).lastPathComponent, "rows.read": String(rowsRead)]
        if mode == .apply {
            metadata["rows.applied"] = String(applied)
        } else {
            metadata["rows.would_apply"] = String(wouldApply)
        }
        metadata["rows.rejected"] = String(rejected)
        metadata["rows.skipped"] = String(skipped)
        metadata["api.calls"] = String(apiCalls)
        metadata["seconds"] = String(format: "%.2f", seconds)
        if let reportPath { metadata["report"] = reportPath }
        return metadata
    }
}
