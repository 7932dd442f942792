import Bridge
import Foundation
import Sandbox
import Support

/// The demo's closing explanation, read back from the run's own log lines and the sandbox's state.
enum DemoReport {
    static func make(records: [LogRecord], root: String, server: SandboxServer) -> String {
        func relative(_ path: String?) -> String {
            guard let path else { return "" }
            return path.hasPrefix(root + "/") ? String(path.dropFirst(root.count + 1)) : path
        }
        var text = "\nWhat happened\n"
        for record in records {
            let m = record.metadata
            let name = (m["file.name"] ?? "").padding(toLength: 26, withPad: " ", startingAt: 0)
            switch record.message {
            case "file.done":
                var line = "  \(name) \(m["rows.read"] ?? "0") rows: \(m["rows.applied"] ?? "0") applied, \(m["rows.rejected"] ?? "0") rejected"
                if m["rows.skipped"] != "0" { line += ", \(m["rows.skipped"] ?? "0") skipped" }
                if let report = m["report"] { line += "\n  \(String(repeating: " ", count: 26)) why: \(relative(report))" }
                text += line + "\n"
            case "file.rejected":
                text += "  \(name) rejected whole: \(m["reason"] ?? "")\n"
            case "file.duplicate":
                text += "  \(name) skipped: the same content was already processed\n"
            case "export.open_orders":
                text += "  open orders exported   \(relative(m["path"])): \(m["orders"] ?? "?") orders, \(m["items"] ?? "?") rows, tagged \(m["orders.tagged"] ?? "?")\n"
            case "export.stock_levels":
                text += "  stock levels exported  \(relative(m["path"])): \(m["rows"] ?? "?") rows\n"
            case "export.open_orders.nothing_to_export", "export.stock_levels.nothing_to_export":
                text += "  \(record.message.hasPrefix("export.open") ? "open orders" : "stock levels"): nothing to export\n"
            default:
                break
            }
        }
        let state = server.snapshot()
        let processed = state.orders.filter(\.isProcessed).count
        let tracked = state.orders.filter { !($0.shippingInfo.trackingNumber ?? "").isEmpty }.count
        text += """

        What the sandbox holds now
          orders: \(state.orders.count), processed \(processed), with a tracking number \(tracked)
          stock:  MUG-BLU-01 at 3PL Warehouse \(state.level(sku: "MUG-BLU-01", location: "3PL Warehouse").map(String.init) ?? "-"), \
        TEE-WHT-M at 3PL Warehouse \(state.level(sku: "TEE-WHT-M", location: "3PL Warehouse").map(String.init) ?? "-")
          (all of it: curl \(server.baseURL)/sandbox/state — while a sandbox runs)

        Where to look
          \(root)/archive/     the input files, after processing
          \(root)/errors/      <file>.errors.csv for rows that failed (opens in Excel), <file>.reason.txt for files rejected whole
          \(root)/outbox/      the exports for the 3PL

        Next: point LINNWORKS_AUTH_URL and the credentials at your account and run `linnbridge watch` (see README.md).

        """
        return text
    }
}
