import Bridge
import Foundation
import Linnworks

/// `import stock` and `check`: the feed on each named file, one summary line per file, and the
/// worst outcome as the exit status.
enum FeedCommand {
    enum Kind { case stock }

    static let errorsOption = OptionSpec.option("errors", "<dir>", "Write error reports here instead of beside each file.")

    static let requireFiles: @Sendable (ParsedArguments) throws(UsageError) -> Void = { parsed throws(UsageError) in
        if parsed.arguments.isEmpty { throw UsageError(message: "Missing '<file> ...'") }
    }

    static func run(_ kind: Kind, mode: StockFeedOptions.Mode, _ parsed: ParsedArguments, _ context: Context) async -> ExitStatus {
        var options = StockFeedOptions(mode: mode)
        options.reader = .init()
        var service: (any StockService)?
        if mode != .check(online: false) {
            guard let credentials = Credentials.fromEnvironment(context.environment) else {
                context.standardError("""
                error: no Linnworks credentials: set LINNWORKS_APPLICATION_ID, LINNWORKS_APPLICATION_SECRET and LINNWORKS_TOKEN \
                (and LINNWORKS_AUTH_URL for a sandbox).

                """)
                return .config
            }
            service = LinnworksClient(credentials: credentials)
        }
        let feed = StockFeed(options: options, service: service)
        var worst = ExitStatus.ok
        for path in parsed.arguments {
            let report = reportPath(for: path, errorsDirectory: parsed.value("errors"))
            do {
                let summary = try await feed.run(path: path, reportPath: report)
                context.standardError(summaryLine(summary, mode: mode) + "\n")
                worst = max(worst, summary.rejected > 0 ? .rowsRejected : .ok)
            } catch {
                context.standardError("error: \(error)\n")
                switch error {
                case .fileRejected: worst = max(worst, .fileRejected)
                case .linnworksUnavailable: return max(worst, .unavailable)
                case .authorizationRefused: return max(worst, .authRefused)
                case .configuration: return max(worst, .config)
                }
            }
        }
        return worst
    }

    /// `DIR/<name>.errors.csv`, or beside the input.
    static func reportPath(for input: String, errorsDirectory: String?) -> String {
        let name = URL(fileURLWithPath: input).lastPathComponent + ".errors.csv"
        if let errorsDirectory { return URL(fileURLWithPath: errorsDirectory).appendingPathComponent(name).path }
        return URL(fileURLWithPath: input).deletingLastPathComponent().appendingPathComponent(name).path
    }

    static func summaryLine(_ s: FeedSummary, mode: StockFeedOptions.Mode) -> String {
        let name = URL(fileURLWithPath: s.file).lastPathComponent
        let middle = mode == .apply ? "\(s.applied) applied" : "\(s.wouldApply) would be applied"
        var line = "\(name): \(s.rowsRead) rows read, \(middle), \(s.rejected) rejected, \(s.skipped) skipped, "
            + "\(s.apiCalls) API calls, \(String(format: "%.2f", s.seconds)) s"
        if let report = s.reportPath { line += "; report: \(report)" }
        return line
    }
}
