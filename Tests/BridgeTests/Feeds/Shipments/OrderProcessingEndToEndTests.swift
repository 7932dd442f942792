@testable import Bridge
import Foundation
import Linnworks
import Sandbox
import Testing

/// The exactly-once shell with the real client against the sandbox, a fault on the one call that
/// must never be applied twice. (These expectations were the client's own `processOrders` test
/// when the read-back loop lived in the client.)
@Suite struct OrderProcessingEndToEndTests {
    @Test(arguments: ["error-after", "drop-after", "error-before", "drop"])
    func ambiguityIsResolvedByReadingBack(_ fault: String) async throws {
        let server = try startSandbox { $0.faults = try! FaultPlan.parse("\(fault)=1,only=ProcessOrdersInBatch,max=1") }
        defer { server.stop() }
        var configuration = LinnworksClientConfiguration()
        configuration.retry.initialDelay = 0.01
        configuration.retry.maxDelay = 0.2
        let client = LinnworksClient(credentials: server.credentials(), configuration: configuration)
        let ids = [20004, 20005, 20010].map { server.snapshot().order(number: $0)!.orderID.lowercased() }
        let notesBefore = server.snapshot().level(sku: "NOTE-A5-DOT", location: "3PL Warehouse")!
        let state = NSTemporaryDirectory() + "linnbridge-orders-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: state) }

        var processing = try await OrderProcessing.resume(stateDirectory: state, contentHash: 1, service: client)
        let results = try await processing.process(ids.map { ($0, nil) })
        #expect(results.count == 3 && ids.allSatisfy { results[$0] != nil })
        func processed(_ id: String) -> Bool { if case .processed = results[id] { return true } else { return false } }
        #expect(processed(ids[0]) && processed(ids[2]))
        #expect(!processed(ids[1]), "parked")
        #expect(server.snapshot().level(sku: "NOTE-A5-DOT", location: "3PL Warehouse") == notesBefore - 3, "stock taken exactly once")
        // After a fault that applied the batch, whatever was re-sent must not contain an order
        // Linnworks had already processed. (After a fault before applying, re-sending is right.)
        let sent = server.callRecords().filter { $0.endpoint == .processOrdersInBatch }
        #expect(!sent.isEmpty)
        for later in sent.dropFirst() where fault.hasSuffix("after") {
            #expect(!later.parameters.lowercased().contains(ids[0]) && !later.parameters.lowercased().contains(ids[2]),
                    "re-sent an order that was already processed: \(later.parameters)")
        }
        if fault.hasSuffix("after") { #expect(results[ids[0]] == .processed(confirmedByReadBack: true)) }
        processing.finished()
    }
}
