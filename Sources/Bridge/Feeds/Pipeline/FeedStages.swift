import CSV
import Support

/// What one feed plugs into the spine (`FeedPipeline`): its stages, each one method with a typed
/// input and output, which never call each other.
///
/// Exists so both feeds — and the rows that split, cancel and correct still to come — run on one
/// path: records → scan (the first pass) → validate and resolve → batch → submit, bounded in
/// flight → reconcile. The spine owns what is the same for every feed: the passes over the file,
/// counting, the error report, skipping rows an earlier attempt applied, progress, and waiting
/// for batches still out when the run stops.
protocol FeedStages {
    /// One unit sent to Linnworks: a stock row, or an order with its parcels.
    associatedtype Item: FeedItem
    /// What Linnworks said to one batch, carried back from the task that sent it.
    associatedtype Answer: Sendable

    static var columns: [ColumnSpec] { get }
    var columnAliases: [String: [String]] { get }
    var readerOptions: CSVReaderOptions { get }
    /// Items per call (or per journalled batch of calls).
    var batchSize: Int { get }
    /// Batches out at once while the spine goes on producing items.
    var batchesInFlight: Int { get }
    /// Whether the sending side reads the file again (`accept`) or works from what `scan` kept (`nextPlanned`).
    var readsAgain: Bool { get }

    /// Look-ups made once per run before the file is read (locations, postal services); `mode`
    /// says how far the run goes (an offline check asks Linnworks nothing). `file`: its name and size.
    mutating func prepare(header: HeaderMap, mode: FeedMode, file: FeedSource) async throws(BridgeError)
    /// The first pass, one record at a time: what the sending side must know of the whole file.
    /// `position` is worked out only if the stage asks (it costs two calls into the reader per record).
    mutating func scan(_ record: CSVRecord, at position: () -> RecordPosition) -> ScanVerdict
    /// After the first pass and the attempt's word on it: `content` is what the pass read (nil when
    /// not hashing); forgets rows an earlier attempt applied (`alreadyApplied`), returning their lines.
    mutating func scanned(content: PrefixCheckpoints?, alreadyApplied: (Int, RecordPosition) -> Bool) -> [Int]
    /// The sending side, second pass: one record (not applied earlier) → what to do with it.
    mutating func accept(_ record: CSVRecord, mode: FeedMode) -> FeedStep<Item>
    /// The sending side from the plan: the next step, nil when none is left.
    mutating func nextPlanned(mode: FeedMode) async throws(BridgeError) -> FeedStep<Item>?
    /// Sends one batch; runs in a task of its own and is never cancelled.
    func submitter() -> @Sendable ([Item]) async -> Answer
    /// What a batch's answer means for its rows; a failure that ends the run rides in the outcome.
    mutating func reconcile(_ batch: [Item], _ answer: Answer) async -> BatchOutcome
    /// Every batch answered and nothing ended the run (the shipment journal is removed).
    mutating func finished()
}

extension FeedStages {
    var readsAgain: Bool { false }
    mutating func scanned(content: PrefixCheckpoints?, alreadyApplied: (Int, RecordPosition) -> Bool) -> [Int] { [] }
    mutating func accept(_ record: CSVRecord, mode: FeedMode) -> FeedStep<Item> { .reject([]) }
    mutating func nextPlanned(mode: FeedMode) async throws(BridgeError) -> FeedStep<Item>? { nil }
    mutating func finished() {}
}

/// An item knows the input lines it carries, for counting and for the report's order.
protocol FeedItem: Sendable {
    var lines: [Int] { get }
}

/// What the first pass made of one record.
enum ScanVerdict {
    /// Taken into account (or simply read); the sending side decides.
    case kept
    /// Set aside on purpose (a voided shipment row): counted as skipped, never reported.
    case skipped
    case rejected(RowRejection)
}

/// What the sending side made of a record or a planned item.
enum FeedStep<Item: FeedItem> {
    case send(Item)
    /// Rows that fail before Linnworks sees them (an order's parcels fail together).
    case reject([RowRejection])
    /// Nothing to send: Linnworks already holds what these lines say (a file dropped again).
    case done(lines: [Int])
}

/// A failed row on its way to the report: the error (with its line) and the row's cells when at
/// hand; nil cells are read back from the file when the report is written, so a feed that keeps
/// rows for the whole file need not keep their cells.
struct RowRejection: Sendable {
    var error: RowError
    var cells: [String]?

    var line: Int { error.line }

    init(_ error: RowError, cells: [String]?) {
        self.error = error
        self.cells = cells
    }
}

/// What one batch came to.
struct BatchOutcome {
    /// Lines Linnworks confirmed applied.
    var applied: [Int] = []
    var rejected: [RowRejection] = []
    /// Ends the run after the batches still out are answered (Linnworks gone, credentials refused).
    var failure: BridgeError?
}
