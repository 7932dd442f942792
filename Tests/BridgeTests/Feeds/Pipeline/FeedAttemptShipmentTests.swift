@testable import Bridge
import Foundation
import Linnworks
import Sandbox
import Support
import Testing

/// A shipment file that grows between attempts, against the real sandbox.
@Suite struct FeedAttemptShipmentTests {
    @Test func appendedOrdersAreEachShippedAndProcessedOnce() async throws {
        let server = try startSandbox()
        defer { server.stop() }
        let state = NSTemporaryDirectory() + "linnbridge-state-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: state) }
        let first = "Order Number,Tracking Number,Carrier,Weight,Postage Cost\n20001,RM100000001GB,Royal Mail Tracked 48,0.45,3.20\n20002,,Royal Mail 2nd Class,0.30,\n"
        let (dir, path) = writeTemporary(first, name: "shipments.csv")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        var options = ShipmentFeedOptions()
        options.stateDirectory = state
        let feed = ShipmentFeed(options: options, client: LinnworksClient(credentials: server.credentials()))

        let one = try await feed.run(path: path, reportPath: path + ".errors.csv", attempt: FeedAttempt(byteLimit: first.utf8.count))
        #expect(one.applied == 2 && one.appliedLines == LineSet([2, 3]), "\(one)")
        #expect(one.readThrough?.offset == first.utf8.count)

        let appended = "20004,H01HYA0012345678,Evri Standard,1.10,2.95\n"
        let handle = try #require(FileHandle(forWritingAtPath: path))
        handle.seekToEndOfFile()
        handle.write(Data(appended.utf8))
        try handle.close()
        let earlier = AppliedRows(lines: one.appliedLines, verifiedThrough: first.utf8.count)
        let two = try await feed.run(path: path, reportPath: path + ".errors.csv",
                                     attempt: FeedAttempt(byteLimit: first.utf8.count + appended.utf8.count, earlier: earlier))
        #expect(two.rowsRead == 3 && two.applied == 3 && two.alreadyApplied == 2 && two.rejected == 0, "\(two)")
        #expect(two.appliedLines == LineSet([2, 3, 4]))
        #expect(two.reportPath == nil)

        let ids = Dictionary(uniqueKeysWithValues: [20001, 20002, 20004].map { (server.snapshot().order(number: $0)!.orderID.lowercased(), $0) })
        var processed: [Int: Int] = [:], shipped: [Int: Int] = [:]
        for record in server.callRecords() where record.status == 200 {
            if record.endpoint == .processOrdersInBatch {
                for id in ShipmentFeedEndToEndTests.processedIDs(record) { processed[ids[id] ?? 0, default: 0] += 1 }
            } else if record.endpoint == .setOrderShippingInfo, let id = ShipmentFeedEndToEndTests.parameter("orderId", record) {
                shipped[ids[id.lowercased()] ?? 0, default: 0] += 1
            }
        }
        #expect(processed == [20001: 1, 20002: 1, 20004: 1], "every order processed exactly once")
        #expect(shipped == [20001: 1, 20002: 1, 20004: 1], "shipping info set once per order")
        #expect(server.snapshot().order(number: 20004)?.isProcessed == true)
        let leftovers = (try? FileManager.default.contentsOfDirectory(atPath: state)) ?? []
        #expect(!leftovers.contains { $0.hasPrefix("shipments-") }, "the journal of each finished attempt is removed")
    }
}

