@testable import Bridge
import Foundation
import Linnworks
import Sandbox
import Testing

/// Exactly once, under faults and after a crash, and the bulk order index, against the sandbox.
@Suite struct ShipmentExactlyOnceTests {
    /// A shipment file for the synthetic account's open, unparked orders at the 3PL location:
    /// every `parcelsEvery`-th order gets a second parcel row.
    static func syntheticFile(_ server: SandboxServer, orders: Int, parcelsEvery: Int = 3) -> (text: String, numbers: [Int]) {
        let eligible = server.snapshot().orders.filter { !$0.isProcessed && !$0.isParked }.prefix(orders)
        var text = "Order Number,Tracking Number,Service\n"
        for (index, order) in eligible.enumerated() {
            text += "\(order.orderNumber),TRK\(order.orderNumber)A,\n"
            if index % parcelsEvery == 0 { text += "\(order.orderNumber),TRK\(order.orderNumber)B,\n" }
        }
        return (text, eligible.map(\.orderNumber))
    }

    func feed(_ server: SandboxServer, state: String, client: LinnworksClient? = nil) -> ShipmentFeed {
        var options = ShipmentFeedOptions()
        options.stateDirectory = state
        return ShipmentFeed(options: options, client: client ?? LinnworksClient(credentials: server.credentials()))
    }

    /// `samples/shipments-3pl.csv` in a folder of its own, which also serves as the state folder.
    static func sampleFile() throws -> (dir: String, path: String) {
        writeTemporary(try String(contentsOfFile: repositoryRoot + "/samples/shipments-3pl.csv", encoding: .utf8), name: "shipments-3pl.csv")
    }

    /// Calls that reached the sandbox's processing step (status 200, or a fault after applying).
    static func appliedProcessCalls(_ server: SandboxServer) -> [String: Int] {
        var count: [String: Int] = [:]
        for record in server.callRecords() where record.endpoint == .processOrdersInBatch
            && (record.fault == "none" || record.fault == "error-after" || record.fault == "drop-after") && record.status != 429 {
            for id in ShipmentFeedEndToEndTests.processedIDs(record) { count[id, default: 0] += 1 }
        }
        return count
    }

    @Test func bulkIndexKeepsLookUpsFarBelowOnePerRow() async throws {
        let server = try startSandbox { $0.seed = "synthetic:skus=50,orders=300" }
        defer { server.stop() }
        let (text, numbers) = Self.syntheticFile(server, orders: 200)
        let (dir, path) = writeTemporary(text)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let summary = try await feed(server, state: dir).run(path: path, reportPath: path + ".errors.csv")
        #expect(summary.rejected == 0, "\(summary)")
        #expect(summary.applied == summary.rowsRead)
        let lookUps = server.callRecords().filter {
            [.getAllOpenOrders, .getOrdersByID, .getOrderDetailsByNumOrderID, .getOrderDetailsByReferenceID].contains($0.endpoint)
        }.count
        #expect(Double(lookUps) / Double(summary.rowsRead) <= 0.1, "\(lookUps) look-ups for \(summary.rowsRead) rows")
        let state = server.snapshot()
        for number in numbers { #expect(state.order(number: number)?.isProcessed == true) }
    }

    /// 500s after the sandbox applied the call, on both writes: each order still processed exactly once.
    @Test func faultsAfterCommitProcessEachOrderExactlyOnce() async throws {
        let server = try startSandbox { options in
            options.seed = "synthetic:skus=50,orders=120"
            options.faults = try! FaultPlan.parse("seed=5,error-after=0.15,error-before=0.05,only=SetOrderShippingInfo+ProcessOrdersInBatch")
        }
        defer { server.stop() }
        var configuration = LinnworksClientConfiguration()
        configuration.retry.initialDelay = 0.01
        configuration.retry.maxDelay = 0.05
        configuration.retry.maxAttempts = 10
        let client = LinnworksClient(credentials: server.credentials(), configuration: configuration)
        let (text, numbers) = Self.syntheticFile(server, orders: 80)
        let (dir, path) = writeTemporary(text)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        var options = ShipmentFeedOptions()
        options.stateDirectory = dir
        options.batchSize = 10
        let summary = try await ShipmentFeed(options: options, client: client).run(path: path, reportPath: path + ".errors.csv")
        #expect(summary.applied + summary.rejected == summary.rowsRead)
        #expect(summary.rejected == 0, "\(summary)")
        let state = server.snapshot()
        let applied = Self.appliedProcessCalls(server)
        for number in numbers {
            let order = try #require(state.order(number: number))
            #expect(order.isProcessed)
            #expect(order.shippingInfo.trackingNumber?.hasPrefix("TRK\(number)A") == true)
            #expect(applied[order.orderID] == 1, "order \(number) reached processing \(applied[order.orderID] ?? 0) times")
        }
        #expect((server.counters().faults["error-after"] ?? 0) > 0, "the test must meet after-commit faults")
    }

    /// A process killed after sending a batch and before writing its outcome: the restart reads
    /// the orders back and sends none of them again.
    @Test func crashBetweenSendingAndRecordingResumes() async throws {
        let server = try startSandbox()
        defer { server.stop() }
        let (dir, path) = try Self.sampleFile()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let client = LinnworksClient(credentials: server.credentials())
        // What the killed run did: shipping info set, the batch intent journaled, the batch sent.
        let orders = [20001, 20004].compactMap { server.snapshot().order(number: $0) }
        for (order, tracking) in zip(orders, ["RM100000001GB", "H01HYA0012345678"]) {
            _ = try await client.setOrderShippingInfo(orderID: order.orderID, ShippingInfoUpdate(trackingNumber: tracking))
        }
        let journal = try ShipmentJournal(stateDirectory: dir, inputPath: path)
        try journal.record(.init(kind: .intent, batch: 0, orders: orders.map(\.orderID)))
        _ = try await client.processOrdersInBatch(orders.map(\.orderID))
        let processCallsBefore = server.callRecords().filter { $0.endpoint == .processOrdersInBatch }.count

        let summary = try await feed(server, state: dir, client: client).run(path: path, reportPath: path + ".errors.csv")
        #expect(summary.applied == 4 && summary.rejected == 0, "\(summary)")
        let later = server.callRecords().filter { $0.endpoint == .processOrdersInBatch }.dropFirst(processCallsBefore)
        for record in later {
            for id in ShipmentFeedEndToEndTests.processedIDs(record) {
                #expect(!orders.map(\.orderID).contains(id), "an order of the unfinished batch was sent again")
            }
        }
        #expect(server.snapshot().order(number: 20002)?.isProcessed == true, "the rest of the file is still done")
        #expect(!FileManager.default.fileExists(atPath: journal.path))
    }

    /// A crash just before the journal was removed, then the same file again: every order is done
    /// already, nothing is sent, and the journal still goes.
    @Test func aRunThatSendsNothingStillRemovesAnEarlierJournal() async throws {
        let server = try startSandbox()
        defer { server.stop() }
        let (dir, path) = try Self.sampleFile()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let client = LinnworksClient(credentials: server.credentials())
        let first = try await feed(server, state: dir, client: client).run(path: path, reportPath: path + ".errors.csv")
        #expect(first.applied > 0)
        let journal = try ShipmentJournal(stateDirectory: dir, inputPath: path)
        try journal.record(.init(kind: .intent, batch: 0, orders: ["x"]))
        try journal.record(.init(kind: .outcome, batch: 0, orders: ["x"], processed: ["x"], refused: [:]))
        let sentBefore = server.callRecords().filter { $0.endpoint == .processOrdersInBatch }.count
        _ = try await feed(server, state: dir, client: client).run(path: path, reportPath: path + ".errors.csv")
        #expect(server.callRecords().filter { $0.endpoint == .processOrdersInBatch }.count == sentBefore, "nothing was sent")
        #expect(!FileManager.default.fileExists(atPath: journal.path))
    }
}
