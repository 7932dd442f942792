import CSV
import Foundation
import Linnworks
import Support

/// The stock-level export: SKU, location, stock level, available and in orders, for every
/// stock item (or one location), as Linnworks holds them now.
///
/// Exists so the 3PL can compare what Linnworks thinks is on its shelves with what is there.
/// Pages of `GetStockItemsFull` (200 items) are written as they arrive, a few in flight, so an
/// account of 100k+ SKUs needs no more memory than a handful of pages.
public struct StockLevelExport: Sendable {
    /// How the export runs.
    public struct Options: Sendable {
        /// Only this location (name or GUID); nil for every location.
        var location: String?
        var outbox: String
        var bom = true
        var writeEmptyFiles = false
        var pageSize = 200
        var callsInFlight = 4
        var now: @Sendable () -> Date = { Date() }

        public init(outbox: String) { self.outbox = outbox }

        /// The `exports` section of the config.
        public init(settings: ExportSettings, location: String? = nil, outbox: String) {
            self.init(outbox: outbox)
            self.location = location
            bom = settings.bom
            writeEmptyFiles = settings.writeEmptyFiles
        }
    }

    static let header = ["SKU", "Location", "Stock Level", "Available", "In Orders"]

    var options: Options
    let client: LinnworksClient

    public init(options: Options, client: LinnworksClient) {
        self.options = options
        self.client = client
    }

    public func run() async throws(BridgeError) -> ExportSummary {
        let started = ContinuousClock.now
        var summary = ExportSummary()
        try makeDirectory(options.outbox)
        let client = self.client
        var onlyLocation: String?
        if let reference = options.location {
            let locations = try await linnworks { () async throws(LinnworksError) in try await client.getStockLocations() }
            summary.apiCalls += 1
            onlyLocation = try FulfilmentLocation.resolve(reference, among: locations).id
        }
        let file = try ExportFile(directory: options.outbox, prefix: "stock-levels", date: options.now(),
                                  usedNames: [], bom: options.bom)
        try file.writeRow(Self.header.map(CSVCell.text))
        let rows = StockLevelRows(file: file, onlyLocation: onlyLocation)
        let size = min(200, max(1, options.pageSize))
        summary.apiCalls += try await fetchInOrder(
            window: options.callsInFlight, count: nil,
            fetch: { index async throws(LinnworksError) in
                try await client.getStockItemsFull(pageNumber: index + 1, entriesPerPage: size)
            },
            isLast: { $0.count < size },
            consume: rows.write)
        summary.orders = rows.items
        summary.rows = rows.rows
        if rows.rows == 0 && !options.writeEmptyFiles {
            file.discard()
        } else {
            try file.publish()
            summary.file = file.destination
        }
        summary.seconds = OpenOrderExport.seconds(since: started)
        return summary
    }
}

/// Writes one row per stock item and location from pages of `GetStockItemsFull`.
final class StockLevelRows {
    private let file: ExportFile
    private let onlyLocation: String?
    private(set) var items = 0
    private(set) var rows = 0

    init(file: ExportFile, onlyLocation: String?) {
        self.file = file
        self.onlyLocation = onlyLocation
    }

    func write(_ page: [StockItemFull]) throws(BridgeError) {
        for item in page {
            items += 1
            for level in item.stockLevels ?? [] {
                if let onlyLocation, level.location?.stockLocationID?.lowercased() != onlyLocation { continue }
                try file.writeRow([
                    .text(item.sku ?? level.sku ?? ""),
                    .text(level.location?.locationName ?? ""),
                    .number(level.stockLevel.map(String.init) ?? ""),
                    .number(level.available.map(String.init) ?? ""),
                    .number((level.inOrders ?? level.inOrderBook).map(String.init) ?? ""),
                ])
                rows += 1
            }
        }
    }
}
