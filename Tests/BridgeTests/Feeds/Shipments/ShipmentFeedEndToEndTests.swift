@testable import Bridge
import Foundation
import Linnworks
import Sandbox
import Testing

/// The shipment feed with the real client against the sandbox over HTTP.
@Suite struct ShipmentFeedEndToEndTests {
    func run(_ sample: String, server: SandboxServer, state: String, configure: (inout ShipmentFeedOptions) -> Void = { _ in },
             client: LinnworksClient? = nil) async throws -> (FeedSummary, [[String]]) {
        let (dir, path) = writeTemporary(try String(contentsOfFile: repositoryRoot + "/samples/" + sample, encoding: .utf8), name: sample)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        var options = ShipmentFeedOptions()
        options.stateDirectory = state
        configure(&options)
        let feed = ShipmentFeed(options: options, client: client ?? LinnworksClient(credentials: server.credentials()))
        let summary = try await feed.run(path: path, reportPath: path + ".errors.csv")
        let rows = try summary.reportPath.map(reportRows) ?? []
        return (summary, rows)
    }

    func stateDirectory() -> String {
        let dir = NSTemporaryDirectory() + "linnbridge-state-" + UUID().uuidString
        try! FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }

    /// Order ids a `ProcessOrdersInBatch` call carried.
    static func processedIDs(_ record: SandboxCallRecord) -> [String] {
        guard let object = try? JSONSerialization.jsonObject(with: Data(record.parameters.utf8)) as? [String: Any] else { return [] }
        for (key, value) in object where key.lowercased() == "ordersids" {
            if let ids = value as? [String] { return ids.map { $0.lowercased() } }
            if let text = value as? String, let ids = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String] {
                return ids.map { $0.lowercased() }
            }
        }
        return []
    }

    static func parameter(_ name: String, _ record: SandboxCallRecord) -> String? {
        guard let object = try? JSONSerialization.jsonObject(with: Data(record.parameters.utf8)) as? [String: Any] else { return nil }
        return object.first { $0.key.lowercased() == name.lowercased() }?.value as? String
    }

    @Test func samplesAgainstTheSandbox() async throws {
        let server = try startSandbox()
        defer { server.stop() }
        let state = stateDirectory()
        defer { try? FileManager.default.removeItem(atPath: state) }

        let (one, oneReport) = try await run("shipments-3pl.csv", server: server, state: state)
        #expect(one.rowsRead == 4 && one.applied == 4 && one.rejected == 0, "\(one) \(oneReport)")
        let afterOne = server.snapshot()
        #expect(afterOne.order(number: 20001)?.isProcessed == true)
        #expect(afterOne.order(number: 20001)?.shippingInfo.trackingNumber == "RM100000001GB")
        #expect(afterOne.order(number: 20004)?.shippingInfo.totalWeight == 1.10)
        #expect(afterOne.order(number: 20002)?.isProcessed == true)

        let (parcels, _) = try await run("shipments-parcels.csv", server: server, state: state)
        #expect(parcels.applied == 3)
        let multi = server.snapshot().order(number: 20010)
        #expect(multi?.shippingInfo.trackingNumber == "H01HYA0099990001, H01HYA0099990002", "every parcel's tracking is kept")
        #expect(multi?.shippingInfo.totalWeight == 3.5)

        let (semicolon, _) = try await run("shipments-semicolon.csv", server: server, state: state)
        #expect(semicolon.applied == 2)
        #expect(server.snapshot().order(number: 20011)?.shippingInfo.totalWeight == 0.75, "a decimal comma")
        #expect(server.snapshot().order(number: 20012)?.isProcessed == true)

        let (hash, _) = try await run("shipments-hash-void.csv", server: server, state: state)
        #expect(hash.applied == 2 && hash.skipped == 1 && hash.rejected == 0)
        #expect(server.snapshot().order(number: 20003)?.shippingInfo.trackingNumber == "15509999000001")

        let (errors, report) = try await run("shipments-errors.csv", server: server, state: state)
        #expect(errors.rejected == 7 && errors.applied == 0)
        let codes = report.dropFirst().map { "\($0[$0.count - 3]):\($0[$0.count - 2])" }
        #expect(codes == ["2:order_not_found", "3:missing_order", "4:bad_tracking", "5:unknown_service", "6:bad_number",
                          "7:order_not_processable", "8:already_processed"])
        #expect(server.snapshot().order(number: 20014)?.shippingInfo.trackingNumber == "15501234567890", "a processed order is never changed")

        // Shipping info always before processing, for every order processed.
        var shippedFirst = Set<String>()
        for record in server.callRecords() {
            if record.endpoint == .setOrderShippingInfo, record.status == 200, let id = Self.parameter("orderId", record) {
                shippedFirst.insert(id.lowercased())
            }
            if record.endpoint == .processOrdersInBatch {
                for id in Self.processedIDs(record) { #expect(shippedFirst.contains(id), "order \(id) processed before its shipping info") }
            }
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: state).isEmpty, "journals are removed once a file is finished")
    }

    @Test func reDroppingAFileChangesNothing() async throws {
        let server = try startSandbox()
        defer { server.stop() }
        let state = stateDirectory()
        defer { try? FileManager.default.removeItem(atPath: state) }
        _ = try await run("shipments-3pl.csv", server: server, state: state)
        let before = server.snapshot()
        let callsBefore = server.callRecords().count
        let (again, report) = try await run("shipments-3pl.csv", server: server, state: state)
        #expect(again.applied == 4 && again.rejected == 0 && report.isEmpty)
        #expect(server.snapshot() == before)
        let writes = server.callRecords().dropFirst(callsBefore).filter { $0.endpoint == .setOrderShippingInfo || $0.endpoint == .processOrdersInBatch }
        #expect(writes.isEmpty, "nothing is written the second time")
    }

    @Test func trackingOnlyLeavesOrdersOpen() async throws {
        let server = try startSandbox()
        defer { server.stop() }
        let state = stateDirectory()
        defer { try? FileManager.default.removeItem(atPath: state) }
        let (summary, _) = try await run("shipments-3pl.csv", server: server, state: state) { $0.processOrders = false }
        #expect(summary.applied == 4)
        #expect(server.snapshot().order(number: 20001)?.isProcessed == false)
        #expect(server.snapshot().order(number: 20001)?.shippingInfo.trackingNumber == "RM100000001GB")
        #expect(!server.callRecords().contains { $0.endpoint == .processOrdersInBatch })
    }

    @Test func offlineAndOnlineCheck() async throws {
        let server = try startSandbox()
        defer { server.stop() }
        let state = stateDirectory()
        defer { try? FileManager.default.removeItem(atPath: state) }
        let before = server.snapshot()
        let (offline, offlineReport) = try await run("shipments-errors.csv", server: server, state: state) { $0.mode = .check(online: false) }
        #expect(offline.rejected == 3, "row rules only: missing order, bad tracking, bad number")
        #expect(offlineReport.count == 4)
        let (online, onlineReport) = try await run("shipments-errors.csv", server: server, state: state) { $0.mode = .check(online: true) }
        #expect(online.rejected == 7)
        #expect(onlineReport.count == 8)
        #expect(server.snapshot() == before)
    }
}
