@testable import Bridge
import Foundation
import Linnworks
import Synchronization

/// A stand-in for Linnworks inside unit tests of the shipment stages only; the end-to-end proof
/// runs the real client against the sandbox. It records every call by name.
final class FakeShipmentService: ShipmentService {
    let orders: [OrderDetails]
    let calls = Mutex<[String]>([])
    /// Answers to `processOrdersInBatch` in turn; nil: the answer is lost (`.ambiguous`).
    let processAnswers = Mutex<[[ProcessOrderResult]?]>([])
    let processedIDs = Mutex<Set<String>>([])
    var maxSends: Int { 3 }
    /// Whether a call whose answer is lost was applied all the same.
    let lostCallsApply: Bool

    init(orders: [OrderDetails] = [], lostCallsApply: Bool = true) {
        self.orders = orders
        self.lostCallsApply = lostCallsApply
    }

    static func order(_ id: String, number: Int, reference: String? = nil, processed: Bool = false) -> OrderDetails {
        var order = OrderDetails()
        order.orderID = id
        order.orderNumber = number
        order.isProcessed = processed
        var info = OrderGeneralInfo()
        info.reference = reference
        order.generalInfo = info
        return order
    }

    private func note(_ call: String) { calls.withLock { $0.append(call) } }

    func postalServices() async throws(LinnworksError) -> [PostalService] { note("postalServices"); return [] }
    func stockLocations() async throws(LinnworksError) -> [StockLocation] { note("stockLocations"); return [] }
    func openOrderIDs(at location: String) async throws(LinnworksError) -> [String] {
        note("openOrderIDs")
        return orders.filter { $0.isProcessed != true }.compactMap(\.orderID)
    }
    func orders(ids: [String]) async throws(LinnworksError) -> [OrderDetails] {
        note("orders(ids)")
        return orders.filter { ids.contains($0.orderID ?? "") }
    }
    func order(number: Int) async throws(LinnworksError) -> OrderDetails? {
        note("order(number)")
        return orders.first { $0.orderNumber == number }
    }
    func orders(reference: String) async throws(LinnworksError) -> [OrderDetails] {
        note("orders(reference)")
        return orders.filter { $0.generalInfo?.reference == reference }
    }
    func setShippingInfo(orderID: String, _ update: ShippingInfoUpdate) async throws(LinnworksError) { note("setShippingInfo") }
    func processOrdersInBatch(_ orderIDs: [String], locationID: String?) async throws(LinnworksError) -> [ProcessOrderResult] {
        note("process \(orderIDs.joined(separator: ","))")
        let answer = processAnswers.withLock { $0.isEmpty ? orderIDs.map { ProcessOrderResult(orderID: $0, isProcessed: true, error: nil) } : $0.removeFirst() }
        if answer != nil || lostCallsApply { processedIDs.withLock { $0.formUnion(orderIDs) } }
        guard let answer else { throw .ambiguous(endpoint: .processOrdersInBatch, orderIDs: orderIDs, reason: "lost") }
        return answer
    }
    func checkProcessing(orderIDs: [String]) async throws(LinnworksError) -> ProcessingCheck {
        note("checkProcessing \(orderIDs.joined(separator: ","))")
        let done = processedIDs.withLock { $0 }
        var check = ProcessingCheck()
        check.processed = orderIDs.filter { done.contains($0) }
        check.notProcessed = orderIDs.filter { !done.contains($0) }
        return check
    }
    func pauseBeforeResending(afterFailures failures: Int) async throws(LinnworksError) { note("pause \(failures)") }
}
