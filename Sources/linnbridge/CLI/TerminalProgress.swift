import Bridge
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The progress line (rows, rows/s, ETA) shown on a terminal while a long file is read.
///
/// Exists for the person watching `linnbridge import` or `watch` run over a million-row file;
/// it says nothing when stderr is not a terminal (cron, systemd, pipes), where the log lines suffice.
/// The feed reports about once a second; the first report comes after a second, so short files show nothing.
enum TerminalProgress {
    static func reporter() -> (@Sendable (FeedProgress) -> Void)? {
        guard isatty(STDERR_FILENO) == 1 else { return nil }
        return { progress in
            let name = URL(fileURLWithPath: progress.file).lastPathComponent
            var line = "\r\(name): \(progress.rows) rows, \(Int(progress.rowsPerSecond)) rows/s"
            if let left = progress.secondsLeft { line += ", about \(Int(left.rounded(.up))) s left" }
            FileHandle.standardError.write(Data((line + "   ").utf8))
        }
    }

    /// Ends a progress line before the next log line, if one was drawn.
    static func finish() {
        if isatty(STDERR_FILENO) == 1 { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
    }
}
