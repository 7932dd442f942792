/// Processing orders, the one call that must never be sent twice by accident.
///
/// `ProcessOrdersInBatch` takes stock and closes orders: if its answer is lost there is no
/// telling from the outside whether it happened. So `processOrdersInBatch` sends exactly once
/// and throws `.ambiguous` when the outcome is unknown; `checkProcessing` reads the orders
/// back; and `processOrders` combines the two into the safe loop a caller normally wants.
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

    /// Processes the orders without ever processing one twice.
    ///
    /// After an ambiguous failure it reads the orders back: those now processed are reported
    /// as processed (`confirmedByReadBack`), the rest are sent again, up to the retry policy's
    /// attempts. If the read-back itself fails, the `.ambiguous` error is rethrown.
    public func processOrders(_ orderIDs: [String], locationID: String? = nil)
        async throws(LinnworksError) -> [ProcessedOrder] {
        var outcome: [String: ProcessedOrder] = [:]
        var remaining = orderIDs
        var failures = 0
        while !remaining.isEmpty {
            do {
                let results = try await processOrdersInBatch(remaining, locationID: locationID)
                for (index, id) in remaining.enumerated() {
                    let result = index < results.count ? results[index] : nil
                    outcome[id] = ProcessedOrder(orderID: id, isProcessed: result?.isProcessed ?? false,
                                                 error: result == nil ? "no result for this order" : result?.error,
                                                 confirmedByReadBack: false)
                }
                remaining = []
            } catch {
                guard case .ambiguous = error else { throw error }
                failures += 1
                let check: ProcessingCheck
                do {
                    check = try await checkProcessing(orderIDs: remaining)
                } catch {
                    throw LinnworksError.ambiguous(endpoint: .processOrdersInBatch, orderIDs: remaining,
                                                   reason: "the orders could not be read back: \(error)")
                }
                for id in check.processed {
                    outcome[id] = ProcessedOrder(orderID: id, isProcessed: true, error: nil, confirmedByReadBack: true)
                }
                for id in check.unknown {
                    outcome[id] = ProcessedOrder(orderID: id, isProcessed: false, error: "Order not found",
                                                 confirmedByReadBack: true)
                }
                remaining = check.notProcessed
                if !remaining.isEmpty, failures >= configuration.retry.maxAttempts {
                    throw error
                }
                if !remaining.isEmpty {
                    do {
                        try await Task.sleep(for: .nanoseconds(Int64(configuration.retry.delay(afterFailures: failures) * 1e9)))
                    } catch {
                        throw .cancelled
                    }
                }
            }
        }
        return orderIDs.compactMap { outcome[$0] }
    }
}

/// Which orders a read-back found processed, still open, or not at all.
public struct ProcessingCheck: Sendable, Equatable {
    public var processed: [String] = []
    public var notProcessed: [String] = []
    public var unknown: [String] = []

    public init() {}
}

/// The final word on one order of `processOrders`.
public struct ProcessedOrder: Sendable, Equatable {
    public var orderID: String
    public var isProcessed: Bool
    /// Linnworks' reason when the order was refused.
    public var error: String?
    /// True when the outcome comes from reading the order back after a lost answer.
    public var confirmedByReadBack: Bool
}
