import Support

/// One attempt at a claimed file that may have changed since an earlier attempt read it.
///
/// Exists because a file can still grow (an upload that stalled past the settle time) or be cut
/// short while it is read. The watcher notes the file's size before an attempt and, if the file
/// changed, works out how much of its start is unchanged and calls the feed again with what the
/// earlier attempt applied; the feed then reads no further than `byteLimit` in any pass and
/// skips only rows it can prove it already applied.
public struct FeedAttempt: Sendable {
    /// Read no byte at or beyond this raw file offset (the file's size when the attempt began); nil: to EOF.
    public var byteLimit: Int?
    /// Rows an earlier attempt at the same claimed file confirmed applied; nil for a first attempt.
    public var earlier: AppliedRows?
    /// Told the start lines of each batch of rows as soon as Linnworks confirmed them, so a run
    /// stopped (or killed) mid-file resumes after its last confirmed batch (see `AppliedCursor`).
    public var confirmed: (@Sendable ([Int]) -> Void)?

    public init(byteLimit: Int? = nil, earlier: AppliedRows? = nil, confirmed: (@Sendable ([Int]) -> Void)? = nil) {
        self.byteLimit = byteLimit
        self.earlier = earlier
        self.confirmed = confirmed
    }

    /// Whether the record starting on `line` and ending at raw offset `end` was applied by an
    /// earlier attempt and is unchanged since; nil `end` (offsets not known) is never skipped, nor
    /// is a record without its line terminator (a last line cut short may have been longer when applied).
    func alreadyApplied(line: Int, end: @autoclosure () -> Int?, terminated: @autoclosure () -> Bool) -> Bool {
        guard let earlier, earlier.lines.contains(line), let end = end(), terminated() else { return false }
        return end <= earlier.verifiedThrough
    }
}

/// What an earlier attempt at the same claimed file applied, and how much of the file still holds it.
public struct AppliedRows: Sendable, Equatable {
    /// Start lines (`CSVRecord.line`) of rows confirmed applied.
    public var lines: LineSet
    /// Only records that END at or before this raw byte offset of the file as it is now are known unchanged;
    /// a row in `lines` is skipped (not sent, not reported, counted as applied) only if its record ends there or before.
    public var verifiedThrough: Int

    public init(lines: LineSet, verifiedThrough: Int) {
        self.lines = lines
        self.verifiedThrough = verifiedThrough
    }
}

/// The raw bytes a feed's sending pass read from the file's start, and their `ContentHash`.
///
/// Lets the watcher check, by hashing the file's first `bytes` again, whether what the attempt
/// read is still the start of the file.
public struct ReadThrough: Sendable, Equatable {
    public var bytes: Int
    public var hash: UInt64

    public init(bytes: Int, hash: UInt64) {
        self.bytes = bytes
        self.hash = hash
    }
}
