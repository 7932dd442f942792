/// Processing orders, the one call that must never be sent twice by accident.
///
/// `ProcessOrdersInBatch` takes stock and closes orders: if its answer is lost there is no
/// telling from the outside whether it happened. So `processOrdersInBatch` sends exactly once
/// and throws `.ambiguous` when the outcome is unknown, and `checkProcessing` reads the orders
/// back; deciding when to read back and what to send again is the caller's (the shipment feed's
/// order-actions state machine), so it is decided in one place.
extension LinnworksClient {
    /// Sends the batch once. One result per id, in request order, when Linnworks answers;
    /// `.ambiguous` (carrying the ids) when it may or may not have processed them.
    public func processOrdersInBatch(_ orderIDs: [String], locationID: String? = nil)
        async throws(LinnworksError) -> [ProcessOrderResult] {
        var form = FormBody()
        try form.add("ordersIds", json: orderIDs)
        form.add("locationId", locationID)
        try form.add("context", json: ClientContext(module: "LinnBridge"))
        return try await call(.processOrdersInBatch, form, as: [ProcessOrderResult].self, orderIDs: orderIDs)
    }

    /// Reads the orders back (`Orders/GetOrdersById`) to see which are processed now.
    public func checkProcessing(orderIDs: [String]) async throws(LinnworksError) -> ProcessingCheck {
        var check = ProcessingCheck()
        var start = 0
        while start < orderIDs.count {
            let chunk = Array(orderIDs[start..<min(orderIDs.count, start + 100)])
            let found = try await getOrdersById(chunk)
            var byID: [String: OrderDetails] = [:]
            for order in found { if let id = order.orderID?.lowercased() { byID[id] = order } }
            for id in chunk {
                guard let order = byID[id.lowercased()] else {
                    check.unknown.append(id)
                    continue
                }
                if order.isProcessed == true { check.processed.append(id) } else { check.notProcessed.append(id) }
            }
            start += 100
        }
        return check
    }

    /// How many times a call whose answer was lost may be sent in all (`RetryPolicy.maxAttempts`).
    public var maxSends: Int { configuration.retry.maxAttempts }

    /// Waits the retry policy's back-off after `failures` lost answers; ends at once on shutdown.
    public func pauseBeforeResending(afterFailures failures: Int) async throws(LinnworksError) {
        try await budget.pause(configuration.retry.delay(afterFailures: failures))
    }
}

/// Which orders a read-back found processed, still open, or not at all.
public struct ProcessingCheck: Sendable, Equatable {
    public var processed: [String] = []
    public var notProcessed: [String] = []
    public var unknown: [String] = []

    public init() {}
}
