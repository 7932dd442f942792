import Support

/// What one file's run came to: the counts of the per-file log line and the exit status.
public struct FeedSummary: Sendable, Equatable {
    var file: String
    /// Data rows read (the header and blank lines not counted).
    public var rowsRead = 0
    public var applied = 0
    public var rejected = 0
    var skipped = 0
    /// Calls made to Linnworks for this file (counted by the client, see `CallTally`).
    public var apiCalls = 0
    public var seconds = 0.0
    /// Where the error report was written, if a row failed.
    var reportPath: String?
    /// For `check`: rows that would have been sent.
    public var wouldApply = 0
    /// Start lines of the rows this attempt confirmed applied, including those skipped as applied earlier.
    var appliedLines = LineSet()
    /// What the passes read from the file's start — size, hash, checkpoints — in apply mode.
    var content: PrefixCheckpoints?
    /// What the passes read, as a size and a hash; nil outside apply mode.
    var readThrough: ReadThrough? { content.map { ReadThrough(offset: $0.bytes, hash: $0.contentHash) } }
    /// True when `FeedAttempt.resume` said to send nothing (the same content was done before).
    var stopped = false
    /// Rows skipped because an earlier attempt applied them (they are also counted in `applied`).
    var alreadyApplied = 0

    init(file: String) { self.file = file }
}

/// The raw bytes a feed's passes read from the file's start (`offset`) and their `ContentHash`.
typealias ReadThrough = PrefixCheckpoints.Point
