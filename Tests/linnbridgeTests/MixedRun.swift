import Foundation
import Sandbox
import Testing

/// A drop folder holding a mixed run — six stock snapshots, four shipment files with multi-parcel
/// orders, an open-order export due — and the checks of the state it must end in, however the
/// run was interrupted or disturbed (kill test, fault soak).
struct MixedRun {
    let server: SandboxServer
    let root: String
    let env: [String: String]
    var expectedLevels: [String: Int] = [:]
    var expectedTracking: [String: String] = [:]

    static let fileNames = (1...6).map { "stock-\($0).csv" } + (0..<4).map { "despatch-\($0).csv" }

    init(server: SandboxServer, config: String) async throws {
        self.server = server
        env = WatchCommandTests.environment(server)
        root = scratchDirectory()
        try config.write(toFile: root + "/linnbridge.json", atomically: true, encoding: .utf8)
        for kind in ["stock", "shipments"] {
            try FileManager.default.createDirectory(atPath: root + "/inbox/" + kind, withIntermediateDirectories: true)
        }
        let start = server.snapshot()
        let skus = Set(start.stockLevels.map(\.sku)).sorted()
        // Six stock snapshots: each SKU's final level is the one in the last file that names it.
        for file in 1...6 {
            var text = "SKU,Level,Location\n"
            for (index, sku) in skus.enumerated() where (index + file) % 3 != 0 {
                text += "\(sku),\(file * 100 + index),Default\n"
                expectedLevels[sku] = file * 100 + index
            }
            try WatchCommandTests.drop(text, as: "stock-\(file).csv", into: root + "/inbox/stock")
            try await Task.sleep(for: .milliseconds(20))
        }
        // Four shipment files, some orders in two parcels; every fifth order stays open for the export.
        let orders = start.orders.filter { !$0.isProcessed && !$0.isParked }
        for file in 0..<4 {
            var text = "Order Number,Tracking Number\n"
            for (index, order) in orders.enumerated() where index % 4 == file && index % 5 != 4 {
                text += "\(order.orderNumber),T\(order.orderNumber)A\n"
                expectedTracking[order.orderID] = "T\(order.orderNumber)A"
                if index % 3 == 0 {
                    text += "\(order.orderNumber),T\(order.orderNumber)B\n"
                    expectedTracking[order.orderID] = "T\(order.orderNumber)A, T\(order.orderNumber)B"
                }
            }
            try WatchCommandTests.drop(text, as: "despatch-\(file).csv", into: root + "/inbox/shipments")
        }
    }

    /// How many times each order reached Linnworks' processing (calls answered 200, or applied and then
    /// failed or dropped), and the last stock level sent for each SKU, from the sandbox's call log.
    static func appliedCalls(_ server: SandboxServer) -> (processing: [String: Int], lastLevels: [String: Int]) {
        struct Update: Decodable { var SKU: String; var Level: Int }
        var lastSent: [String: Int] = [:]
        var reached: [String: Int] = [:]
        for record in server.callRecords()
        where (record.status == 200 && record.fault == "none") || record.fault == "error-after" || record.fault == "drop-after" {
            guard let fields = try? JSONDecoder().decode([String: String].self, from: Data(record.parameters.utf8)) else { continue }
            if record.endpoint == .setStockLevel,
               let list = fields.first(where: { $0.key.lowercased() == "stocklevels" })?.value,
               let updates = try? JSONDecoder().decode([Update].self, from: Data(list.utf8)) {
                for update in updates { lastSent[update.SKU] = update.Level }
            }
            if record.endpoint == .processOrdersInBatch,
               let list = fields.first(where: { $0.key.lowercased() == "ordersids" })?.value,
               let ids = try? JSONDecoder().decode([String].self, from: Data(list.utf8)) {
                for id in ids { reached[id.lowercased(), default: 0] += 1 }
            }
        }
        return (reached, lastSent)
    }

    var claimedFiles: [String] {
        ["stock", "shipments"].flatMap { (try? FileManager.default.contentsOfDirectory(atPath: root + "/.state/claimed/" + $0)) ?? [] }
    }

    /// Every stock row's last value sent, every order processed exactly once with its tracking,
    /// every file archived, nothing left claimed, every exported order in exactly one file and tagged.
    func checkEndState() throws {
        // The last level Linnworks was told for each SKU is the file's last value (processing
        // orders takes stock afterwards, so the sandbox's own figure may be lower).
        let (reached, lastSent) = Self.appliedCalls(server)
        for (sku, level) in expectedLevels { #expect(lastSent[sku] == level, "\(sku)") }
        let state = server.snapshot()
        for (id, tracking) in expectedTracking {
            let order = try #require(state.order(id: id))
            #expect(order.isProcessed, "order \(order.orderNumber)")
            #expect(order.shippingInfo.trackingNumber == tracking, "order \(order.orderNumber)")
            #expect(reached[id] == 1, "order \(order.orderNumber) reached processing \(reached[id] ?? 0) times")
        }
        let archived = WatchCommandTests.archived(root).map { URL(fileURLWithPath: $0).lastPathComponent }
        #expect(Set(archived) == Set(Self.fileNames), "\(archived)")
        #expect(claimedFiles.isEmpty, "left claimed: \(claimedFiles)")
        for kind in ["stock", "shipments"] {
            let inbox = try FileManager.default.contentsOfDirectory(atPath: root + "/inbox/" + kind).filter { !$0.hasPrefix(".") }
            #expect(inbox.isEmpty, "inbox \(kind): \(inbox)")
        }
        var exportedIn: [String: Int] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: root + "/outbox") where name.hasPrefix("open-orders") {
            let text = try String(contentsOfFile: root + "/outbox/" + name, encoding: .utf8)
            var ids = Set<String>()
            for line in text.split(separator: "\r\n").dropFirst() {
                if let first = line.split(separator: ",").first { ids.insert(String(first).lowercased()) }
            }
            for id in ids { exportedIn[id, default: 0] += 1 }
        }
        #expect(!exportedIn.isEmpty, "the export must have run")
        for (id, files) in exportedIn {
            #expect(files == 1, "order \(id) in \(files) export files")
            #expect(state.order(id: id)?.identifiers.contains("EXPORTED") == true, "order \(id) exported but not tagged")
        }
    }
}
