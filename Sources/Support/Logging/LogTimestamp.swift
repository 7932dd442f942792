import Foundation

/// The timestamp both log formats print: ISO 8601, UTC, whole seconds (`2026-11-22T13:45:00Z`).
///
/// One place, so text and JSON lines from the same run sort and compare the same way.
/// `Date.ISO8601FormatStyle` is used because it is Sendable; `ISO8601DateFormatter` is not.
enum LogTimestamp {
    static let style = Date.ISO8601FormatStyle(timeZone: TimeZone(identifier: "UTC")!)

    static func format(_ date: Date) -> String { date.formatted(style) }
}
