import Support

/// One attempt at a file that may have changed since an earlier attempt read it, or that an
/// earlier run was stopped in.
///
/// Exists because a file can still grow (an upload that stalled past the settle time) or be cut
/// short while it is read, and because a run stopped or killed mid-file must not send again what
/// Linnworks confirmed. The feed's first pass reads (and hashes) the file up to the source's byte
/// limit; `resume` is then asked, before anything is sent, whether to go on and which rows an
/// earlier attempt at these bytes applied; the feed skips only rows it can prove it applied.
public struct FeedAttempt: Sendable {
    /// Read no byte at or beyond this raw file offset, when the feed opens the file itself
    /// (`run(path:…)`); nil: its size when opened. A `FeedSource` given to the feed carries its own.
    var byteLimit: Int?
    /// Rows an earlier attempt at the same file confirmed applied; nil for a first attempt.
    var earlier: AppliedRows?
    /// Told the start lines of each batch of rows as soon as Linnworks confirmed them, so a run
    /// stopped (or killed) mid-file resumes after its last confirmed batch (see `AppliedCursor`).
    var confirmed: (@Sendable ([Int]) -> Void)?
    /// Asked once the first pass has read the file — its size, hash and checkpoints — before
    /// anything is sent; nil: go on with `earlier` and `confirmed` as they are.
    var resume: (@Sendable (PrefixCheckpoints) -> Resumption)?

    public init(byteLimit: Int? = nil, earlier: AppliedRows? = nil, confirmed: (@Sendable ([Int]) -> Void)? = nil,
                resume: (@Sendable (PrefixCheckpoints) -> Resumption)? = nil) {
        self.byteLimit = byteLimit
        self.earlier = earlier
        self.confirmed = confirmed
        self.resume = resume
    }

    /// Whether the record starting on `line` and ending at `position` was applied by an earlier
    /// attempt and is unchanged since; a record whose end is not known is never skipped, nor is one
    /// without its line terminator (a last line cut short may have been longer when applied).
    func alreadyApplied(line: Int, at position: @autoclosure () -> RecordPosition) -> Bool {
        guard let earlier, earlier.lines.contains(line) else { return false }
        let position = position()
        guard let end = position.end, position.terminated else { return false }
        return end <= earlier.verifiedThrough
    }
}

/// What to do once the first pass has read the file.
public enum Resumption: Sendable {
    /// Send what the file says; `earlier` and `confirmed` replace the attempt's when given.
    case proceed(earlier: AppliedRows?, confirmed: (@Sendable ([Int]) -> Void)?)
    /// Send nothing: the same content was already processed (the summary says `stopped`).
    case stop
}

/// What an earlier attempt at the same file applied, and how much of the file still holds it.
public struct AppliedRows: Sendable, Equatable {
    /// Start lines (`CSVRecord.line`) of rows confirmed applied.
    var lines: LineSet
    /// Only records that END at or before this raw byte offset of the file as it is now are known unchanged;
    /// a row in `lines` is skipped (not sent, not reported, counted as applied) only if its record ends there or before.
    var verifiedThrough: Int

    init(lines: LineSet, verifiedThrough: Int) {
        self.lines = lines
        self.verifiedThrough = verifiedThrough
    }
}
