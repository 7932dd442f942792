/// What one export run came to: the figures of its log line.
///
/// Exists so the command, the watch daemon and the tests all read the same counts: the file
/// written (none when there was nothing to export), how many orders and rows it holds, how
/// many orders an earlier interrupted run left untagged and this run finished, and the cost.
public struct ExportSummary: Sendable, Equatable {
    /// The file now in the outbox; nil when nothing was written.
    var file: String?
    /// Orders in the file (open-order export) or stock items seen (stock-level export).
    var orders = 0
    /// Data rows in the file (order items, or SKU × location).
    public var rows = 0
    /// Orders tagged by this run, recovered ones included.
    var ordersTagged = 0
    /// Orders of an interrupted earlier export that this run tagged before exporting.
    var recoveredOrders = 0
    /// Parked or on-hold orders left out.
    var ordersLeftOut = 0
    /// Calls made to Linnworks (retries not counted).
    public var apiCalls = 0
    public var seconds = 0.0

    init() {}
}
