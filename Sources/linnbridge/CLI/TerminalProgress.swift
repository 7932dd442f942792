import Bridge
import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// The progress line (rows, rows/s, time left) shown on a terminal while a long file is read.
///
/// Exists for the person watching `linnbridge import`, `check` or `watch` work through a
/// million-row file; it says nothing when stderr is not a terminal (cron, systemd, pipes), where
/// the log lines suffice. The feed reports about once a second, the first time after a second, so
/// short files show nothing. Log lines clear the progress line first (`clearingLine`), so the two
/// never run into each other.
final class TerminalProgress: Sendable {
    private let isDrawn = Mutex(false)

    /// Nil when stderr is not a terminal.
    static func make() -> TerminalProgress? {
        isatty(STDERR_FILENO) == 1 ? TerminalProgress() : nil
    }

    /// The feed's progress callback for `progress`, or nil when there is no terminal.
    static func reporter(_ progress: TerminalProgress?) -> (@Sendable (FeedProgress) -> Void)? {
        guard let progress else { return nil }
        return { progress.report($0) }
    }

    func report(_ progress: FeedProgress) {
        let name = URL(fileURLWithPath: progress.file).lastPathComponent
        var line = "\r\u{1B}[K\(name): \(progress.rows) rows, \(Int(progress.rowsPerSecond)) rows/s"
        if let left = progress.secondsLeft { line += ", about \(Int(left.rounded(.up))) s left" }
        isDrawn.withLock { drawn in
            FileHandle.standardError.write(Data(line.utf8))
            drawn = true
        }
    }

    /// Clears the progress line if one is showing.
    func clear() {
        isDrawn.withLock { drawn in
            if drawn { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
            drawn = false
        }
    }

    /// A writer for log lines that clears the progress line first.
    func clearingLine(_ write: @escaping @Sendable (String) -> Void) -> @Sendable (String) -> Void {
        { [self] line in
            clear()
            write(line)
        }
    }
}
