import Support

/// The stable, machine-readable reason a row failed; the `error_code` column of a report.
///
/// Raw values never change once published: 3PLs and scripts filter reports by them.
enum RowErrorCode: String, Sendable, CaseIterable {
    case missingSKU = "missing_sku"
    case badLevel = "bad_level"
    case unknownLocation = "unknown_location"
    case ambiguousLocation = "ambiguous_location"
    case unknownSKU = "unknown_sku"
    case superseded = "superseded"
    case badRecord = "bad_record"
    /// Linnworks refused the call carrying this row (HTTP 400), or refused to process its order.
    case rejectedByLinnworks = "linnworks_rejected"
    case missingOrder = "missing_order"
    case badTracking = "bad_tracking"
    case badNumber = "bad_number"
    case orderNotFound = "order_not_found"
    case ambiguousOrder = "ambiguous_order"
    case unknownService = "unknown_service"
    case orderNotProcessable = "order_not_processable"
    case alreadyProcessed = "already_processed"
    /// Another row of the same order failed, so this parcel waits with it (no tracking is lost).
    case orderHeldBack = "order_held_back"
}

/// Why one row of an input file was not applied, in words a warehouse clerk understands.
///
/// The sentence often quotes the row's cells; its control characters (C0, DEL, C1) are escaped
/// as `\u{1b}` (see `ControlCharacters`), so a report opened in a terminal or a log line cannot
/// carry an escape sequence. The report's copy of the input's own cells keeps their bytes.
public struct RowError: Sendable, Equatable, Error {
    /// The line of the input file where the row starts.
    var line: Int
    var code: RowErrorCode
    /// The sentence for the `error` column ("SKU ABC-1 does not exist in Linnworks"), escaped.
    var message: String {
        get { escapedMessage }
        set { escapedMessage = ControlCharacters.escaped(newValue) }
    }
    private var escapedMessage: String

    init(line: Int, code: RowErrorCode, message: String) {
        self.line = line
        self.code = code
        self.escapedMessage = ControlCharacters.escaped(message)
    }
}
