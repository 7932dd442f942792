import Support

/// What one file's run came to: the counts of the per-file log line and the exit status.
public struct FeedSummary: Sendable, Equatable {
    public var file: String
    /// Data rows read (the header and blank lines not counted).
    public var rowsRead = 0
    public var applied = 0
    public var rejected = 0
    public var skipped = 0
    /// Calls made to Linnworks for this file.
    public var apiCalls = 0
    public var seconds = 0.0
    /// Where the error report was written, if a row failed.
    public var reportPath: String?
    /// For `check`: rows that would have been sent.
    public var wouldApply = 0
    /// Start lines of the rows this attempt confirmed applied, including those skipped as applied earlier.
    public var appliedLines = LineSet()
    /// What the sending pass read from the file's start (in apply mode); nil when unknown, e.g.
    /// UTF-16 input, whose record offsets are not raw.
    public var readThrough: ReadThrough?
    /// Rows skipped because an earlier attempt applied them (they are also counted in `applied`).
    public var alreadyApplied = 0

    public init(file: String) { self.file = file }
}

/// Why a whole file, or the whole run, stopped; each maps to one of product.md's exit statuses.
public enum FeedError: Error, Sendable, CustomStringConvertible {
    /// The file cannot be used at all (unreadable, empty, no usable header): exit 65.
    case fileRejected(file: String, reason: String)
    /// Linnworks could not be reached or kept failing: exit 69, the input stays for the next run.
    case linnworksUnavailable(String)
    /// Linnworks refused the credentials: exit 77.
    case authorizationRefused(String)
    /// The configuration does not fit the account (e.g. an unknown default location): exit 78.
    case configuration(String)
    /// A local file (a report, the journal, the state folder) could not be written — disk full, a
    /// read-only folder, a name too long — with the system's own reason: exit 73. The input stays
    /// claimed, and what Linnworks confirmed is kept (`AppliedCursor`), so nothing is lost or sent twice.
    /// `applied`: rows Linnworks confirmed before the write failed, when known.
    case cannotWrite(path: String, reason: String, applied: Int? = nil)

    public var description: String {
        switch self {
        case let .fileRejected(file, reason): return "\(file): \(reason)"
        case let .linnworksUnavailable(reason): return "Linnworks is unreachable: \(reason)"
        case let .authorizationRefused(reason): return "Linnworks refused the credentials: \(reason)"
        case let .configuration(reason): return "configuration: \(reason)"
        case let .cannotWrite(path, reason, _): return "cannot write \(path): \(reason)"
        }
    }
}
