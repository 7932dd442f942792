import Foundation

/// Which exports are due, given their configured intervals and when each last ran.
///
/// Exists for watch mode: each export runs on its interval and once at start-up when due
/// (never run, or its interval has passed since). It is a pure value so the rule is tested
/// without clocks; `ExportRunTimes` keeps the last run times in the state directory so a
/// restart does not re-run an export that just ran.
public struct ExportSchedule: Sendable, Equatable {
    /// The exports watch mode can run.
    public enum Export: String, Sendable, CaseIterable, Codable {
        case openOrders = "open-orders"
        case stockLevels = "stock-levels"
    }

    /// Seconds between runs, per export; an export without an interval is never due.
    var intervals: [Export: Int]

    init(intervals: [Export: Int]) { self.intervals = intervals }

    /// The intervals of the `exports` section (`openOrdersEvery`, `stockLevelsEvery`).
    init(settings: ExportSettings) {
        var intervals: [Export: Int] = [:]
        intervals[.openOrders] = settings.openOrdersEvery
        intervals[.stockLevels] = settings.stockLevelsEvery
        self.init(intervals: intervals)
    }

    /// Exports due at `now`, in `Export.allCases` order. A last run in the future (clock set
    /// back) counts as due, so a wrong clock cannot stop exports for good.
    func due(at now: Date, lastRuns: [Export: Date]) -> [Export] {
        Export.allCases.filter { export in
            guard let interval = intervals[export], interval > 0 else { return false }
            guard let last = lastRuns[export] else { return true }
            let elapsed = now.timeIntervalSince(last)
            return elapsed < 0 || elapsed >= Double(interval)
        }
    }

    /// When the next export falls due (for the watcher's sleep); nil when none is scheduled.
    func nextDue(after now: Date, lastRuns: [Export: Date]) -> Date? {
        intervals.compactMap { export, interval -> Date? in
            guard interval > 0 else { return nil }
            guard let last = lastRuns[export], now.timeIntervalSince(last) >= 0 else { return now }
            return max(now, last.addingTimeInterval(Double(interval)))
        }.min()
    }
}
