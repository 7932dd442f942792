import Bridge
import CSV
import Foundation
import Linnworks
import Sandbox

/// Reads the export file back through our own CSV reader and compares every value with what
/// the sandbox holds for that order line.
///
/// Exists to show exports "round-trip with every value equal": the expected values come from a
/// second client that decodes with `JSONDecoder` only, so the fast reader the export used is
/// checked too, not trusted. Text cells are expected as written, formula guard included.
enum ExportRoundTrip {
    static func compare(file: String, server: SandboxServer, timeScale: Double) async throws -> String {
        let reader = try CSVReader(path: file)
        guard let header = try reader.nextRecord() else { return "empty file" }
        let columns = (0..<header.count).compactMap { OpenOrderColumn(rawValue: header[$0].string) }
        guard columns.count == header.count, let idColumn = columns.firstIndex(of: .orderID) else {
            return "unexpected header"
        }
        var rowsByOrder: [String: [[String]]] = [:]
        var orderIDs: [String] = []
        var rows = 0
        while let record = try reader.nextRecord() {
            let values = (0..<record.count).map { record[$0].string }
            if rowsByOrder[values[idColumn]] == nil { orderIDs.append(values[idColumn]) }
            rowsByOrder[values[idColumn], default: []].append(values)
            rows += 1
        }

        var configuration = LinnworksClientConfiguration()
        configuration.timeScale = timeScale
        configuration.usesFastJSONReader = false
        let client = LinnworksClient(credentials: server.credentials(), configuration: configuration)
        var compared = 0, differing = 0, missing = 0
        var example: String?
        for start in stride(from: 0, to: orderIDs.count, by: 500) {
            let chunk = Array(orderIDs[start..<min(orderIDs.count, start + 500)])
            let orders = try await client.getOrdersById(chunk)
            let byID = Dictionary(orders.compactMap { order in order.orderID.map { ($0, order) } }) { first, _ in first }
            for id in chunk {
                guard let order = byID[id] else { missing += 1; continue }
                let items: [OrderItem?] = (order.items ?? []).isEmpty ? [nil] : (order.items ?? []).map { $0 }
                let expected = items.map { item in columns.map { written($0.cell(order, item)) } }
                let actual = rowsByOrder[id] ?? []
                guard expected.count == actual.count else { differing += 1; continue }
                for (want, got) in zip(expected, actual) {
                    for (a, b) in zip(want, got) {
                        compared += 1
                        if a != b {
                            differing += 1
                            example = example ?? "order \(id): expected \(a), read \(b)"
                        }
                    }
                }
            }
        }
        let name = (file as NSString).lastPathComponent
        return "\(name): \(rows) rows, \(orderIDs.count) orders, \(compared) values compared with the sandbox's orders, "
            + "\(differing) differ, \(missing) orders missing" + (example.map { " (first: \($0))" } ?? "")
    }

    private static func written(_ cell: CSVCell) -> String {
        switch cell {
        case .text(let text): return FormulaGuard.neutralise(text)
        case .number(let number): return number
        }
    }
}
