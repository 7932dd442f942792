@testable import Bridge
import Linnworks
import Testing

/// Finding the order a reference means, with a stand-in for Linnworks.
@Suite struct OrderDirectoryTests {
    static func summary(_ id: String, processed: Bool = false) -> OrderSummary { OrderSummary(id: id, orderNumber: 1, isProcessed: processed) }

    @Test func chooseOneOrNoneOrAnOpenOneOverProcessedOnes() {
        #expect(OrderDirectory.choose([]).isNotFound)
        #expect(OrderDirectory.choose([Self.summary("a"), Self.summary("a")]).foundID == "a", "the same order twice is one")
        #expect(OrderDirectory.choose([Self.summary("old", processed: true), Self.summary("new")]).foundID == "new")
        #expect(OrderDirectory.choose([Self.summary("a"), Self.summary("b")]).ambiguousCount == 2)
        #expect(OrderDirectory.choose([Self.summary("a", processed: true), Self.summary("b", processed: true)]).ambiguousCount == 2)
    }

    @Test func aReferenceIsLookedUpOnceByNumberThenByReference() async throws {
        let service = FakeShipmentService(orders: [FakeShipmentService.order("o1", number: 1002, reference: "SO-1002"),
                                                   FakeShipmentService.order("o2", number: 77, reference: "ABC")])
        var directory = OrderDirectory(matcher: OrderReferenceMatcher())
        #expect(try await directory.resolve("#1002", service: service).foundID == "o1")
        #expect(try await directory.resolve("ABC", service: service).foundID == "o2", "not a number: looked up by reference")
        #expect(try await directory.resolve("XYZ", service: service).isNotFound)
        let calls = service.calls.withLock { $0 }
        _ = try await directory.resolve("#1002", service: service)
        #expect(service.calls.withLock { $0 } == calls, "asked once per reference")
    }

    @Test func aBulkIndexAnswersWithoutLookUps() async throws {
        let service = FakeShipmentService(orders: [FakeShipmentService.order("o1", number: 5, reference: "R-5")])
        var directory = OrderDirectory(matcher: OrderReferenceMatcher())
        try await directory.indexOpenOrders(at: ["loc"], service: service)
        #expect(try await directory.resolve("r-5", service: service).foundID == "o1")
        #expect(service.calls.withLock { $0 } == ["openOrderIDs", "orders(ids)"])
    }
}

extension OrderDirectory.Resolution {
    var foundID: String? { if case let .found(order) = self { return order.id } else { return nil } }
    var isNotFound: Bool { if case .notFound = self { return true } else { return false } }
    var ambiguousCount: Int { if case let .ambiguous(orders) = self { return orders.count } else { return 0 } }
}
