import Foundation
import Support

extension ExportSummary {
    /// The export's log line: file written, orders, items, API calls, seconds.
    public func logMetadata(_ export: ExportSchedule.Export) -> LogMetadata {
        var metadata: LogMetadata = ["file.name": file.map { URL(fileURLWithPath: $0).lastPathComponent } ?? "none"]
        if let file { metadata["path"] = file }
        switch export {
        case .openOrders:
            metadata["orders"] = String(orders)
            metadata["items"] = String(rows)
            metadata["orders.tagged"] = String(ordersTagged)
            if recoveredOrders > 0 { metadata["orders.recovered"] = String(recoveredOrders) }
            if ordersLeftOut > 0 { metadata["orders.left_out"] = String(ordersLeftOut) }
        case .stockLevels:
            metadata["stock_items"] = String(orders)
            metadata["rows"] = String(rows)
        }
        metadata["api.calls"] = String(apiCalls)
        metadata["seconds"] = String(format: "%.2f", seconds)
        return metadata
    }

    /// The log message for this export: `export.open_orders` or `export.stock_levels`, with `.nothing_to_export` when no file was written.
    public func logMessage(_ export: ExportSchedule.Export) -> String {
        let event = export == .openOrders ? "export.open_orders" : "export.stock_levels"
        return file == nil ? event + ".nothing_to_export" : event
    }
}
