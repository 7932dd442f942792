/// What happened to one order in `Orders/ProcessOrdersInBatch`.
///
/// Exists because a batch answers 200 even when orders were refused: each refusal is a
/// result with `Processed: false` and an `Error`, one per requested id.
public struct ProcessOrderResult: Codable, Sendable, Equatable {
    public var orderID: String?
    public var isProcessed: Bool?
    public var error: String?

    public init(orderID: String?, isProcessed: Bool?, error: String?) {
        self.orderID = orderID
        self.isProcessed = isProcessed
        self.error = error
    }

    enum CodingKeys: String, CodingKey { case orderID = "OrderId", isProcessed = "Processed", error = "Error" }
}

/// Which part of the calling application processed the orders (`ClientContext`).
public struct ClientContext: Codable, Sendable, Equatable {
    public var module: String?

    public init(module: String?) { self.module = module }

    enum CodingKeys: String, CodingKey { case module = "Module" }
}
