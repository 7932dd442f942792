/// The longest duration LinnBridge accepts anywhere: an option, a config key, a sandbox fault.
///
/// Exists because `Double("inf")`, `Double("nan")` and `1e300` all parse, and then either never
/// fire (a poll every 10^300 seconds is a watcher that never looks) or trap when turned into a
/// `Duration`. Nothing LinnBridge schedules needs more than a week (604800 seconds).
public enum DurationLimit {
    /// 7 days, in seconds.
    public static let maximumSeconds: Double = 604_800

    /// How the bound is named in messages.
    public static let described = "604800 (7 days)"

    /// `text` as a number of seconds above `minimum` (or from it, when `includingMinimum`) and at most
    /// `maximumSeconds`; nil for anything else, `inf`, `nan` and negative zero's cousins included.
    public static func seconds(_ text: String, above minimum: Double = 0, includingMinimum: Bool = false) -> Double? {
        guard let value = Double(text) else { return nil }
        return isAccepted(value, above: minimum, includingMinimum: includingMinimum) ? value : nil
    }

    /// Whether `value` is finite, above (or at) `minimum` and at most `maximumSeconds`.
    public static func isAccepted(_ value: Double, above minimum: Double = 0, includingMinimum: Bool = false) -> Bool {
        guard value.isFinite, value <= maximumSeconds else { return false }
        return includingMinimum ? value >= minimum : value > minimum
    }
}
