import CSV
import Linnworks

/// Turns chunks of order details into rows of the export file, counting as it goes.
///
/// Exists to keep the per-order decisions in one place: processed orders (processed since the
/// list was read) are skipped, parked and on-hold orders are left out unless configured, and
/// each remaining order becomes one row per line. Only order ids are kept, never the details,
/// so memory stays flat however many orders go out.
final class OpenOrderRows {
    private let file: ExportFile
    private let columns: [OpenOrderColumn]
    private let includesParked: Bool
    private let includesOnHold: Bool
    private(set) var exportedOrderIDs: [String] = []
    private(set) var rows = 0
    private(set) var leftOut = 0

    init(file: ExportFile, columns: [OpenOrderColumn], options: OpenOrderExportOptions) {
        self.file = file
        self.columns = columns
        includesParked = options.includeParked
        includesOnHold = options.includeOnHold
    }

    func writeHeader() throws(BridgeError) {
        try file.writeRow(columns.map { CSVCell.text($0.rawValue) })
    }

    func write(_ orders: [OrderDetails]) throws(BridgeError) {
        for order in orders {
            guard let id = order.orderID, !order.isEmptyResult, order.isProcessed != true else { continue }
            if !includesParked && order.generalInfo?.isParked == true
                || !includesOnHold && order.generalInfo?.isOnHoldOrCancelled == true {
                leftOut += 1
                continue
            }
            let items = order.items ?? []
            if items.isEmpty {
                try file.writeRow(columns.map { $0.cell(order, nil) })
                rows += 1
            }
            for item in items {
                try file.writeRow(columns.map { $0.cell(order, item) })
                rows += 1
            }
            exportedOrderIDs.append(id)
        }
    }
}
