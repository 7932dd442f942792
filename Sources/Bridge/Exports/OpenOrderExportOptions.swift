import Foundation
import Support

/// How an open-order export runs: which location, where the file goes, which orders and columns.
///
/// Exists so the command line, the watch daemon and the tests configure the export the same
/// way; `init(settings:outbox:stateDirectory:)` takes the `exports` section of the config.
public struct OpenOrderExportOptions: Sendable {
    /// A location name or GUID; nil means the account's first fulfilment centre.
    var location: String?
    /// Where the file is published (`watch/outbox`).
    var outbox: String
    /// Where the export journal lives (`watch/.state`).
    var stateDirectory: String
    /// Every open order of the location, exported before or not (`--all`).
    public var exportsAll = false
    /// The identifier exported orders are tagged with.
    var tag = "EXPORTED"
    var bom = true
    /// Whether a run with no orders still writes a header-only file.
    var writeEmptyFiles = false
    var includeParked = false
    var includeOnHold = false
    /// Configured column names; nil means `OpenOrderColumn.standard`.
    var columns: [String]?
    /// Orders per `GetOrdersById` call (Linnworks takes a list of ids; the bridge sends ≤ 100 per call, see Documentation/LinnworksAPI.md).
    var detailChunkSize = 100
    /// Orders per `AssignOrderIdentifier` call.
    var tagChunkSize = 100
    /// Whether to wait while another export of the drop folder runs (the command line), or to
    /// give up at once with `.busy` (the watcher, which must not stop handling files meanwhile).
    var waitsForOtherExports = true
    /// Calls in flight at once; the client paces them under the rate limits.
    var callsInFlight = 4
    /// Where recovery of an interrupted export and left-out orders are reported.
    public var logger = Logger.disabled
    /// The clock that names the file (tests pin it to make two runs share a second).
    var now: @Sendable () -> Date = { Date() }
    /// Test hook: stop as a crash would, right after this step, leaving the rest to the next run.
    var stopsAfter: OpenOrderExport.Step?

    init(outbox: String, stateDirectory: String) {
        self.outbox = outbox
        self.stateDirectory = stateDirectory
    }

    /// The `exports` section of the config; `location` nil falls back to `exports.fulfilmentLocation`.
    public init(settings: ExportSettings, location: String? = nil, outbox: String, stateDirectory: String) {
        self.init(outbox: outbox, stateDirectory: stateDirectory)
        self.location = location ?? settings.fulfilmentLocation
        tag = settings.tag
        bom = settings.bom
        writeEmptyFiles = settings.writeEmptyFiles
        includeParked = settings.includeParked
        includeOnHold = settings.includeOnHold
        columns = settings.openOrderColumns
    }
}
