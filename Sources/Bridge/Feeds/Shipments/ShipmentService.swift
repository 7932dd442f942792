import Linnworks

/// What the shipment feed needs from Linnworks, and nothing more.
///
/// Exists so the shipment stages and the exactly-once shell can be tested alone with a stand-in;
/// `LinnworksClient` is the real one, and every end-to-end test runs it against the sandbox over HTTP.
protocol ShipmentService: Sendable {
    func postalServices() async throws(LinnworksError) -> [PostalService]
    func stockLocations() async throws(LinnworksError) -> [StockLocation]
    /// The ids of the open orders at one location (GUID).
    func openOrderIDs(at location: String) async throws(LinnworksError) -> [String]
    /// Orders by id, up to 100 at once.
    func orders(ids: [String]) async throws(LinnworksError) -> [OrderDetails]
    func order(number: Int) async throws(LinnworksError) -> OrderDetails?
    func orders(reference: String) async throws(LinnworksError) -> [OrderDetails]
    func setShippingInfo(orderID: String, _ update: ShippingInfoUpdate) async throws(LinnworksError)
    /// Sent once; `.ambiguous` when Linnworks may or may not have processed them.
    func processOrdersInBatch(_ orderIDs: [String], locationID: String?) async throws(LinnworksError) -> [ProcessOrderResult]
    /// Reads the orders back to see which are processed now.
    func checkProcessing(orderIDs: [String]) async throws(LinnworksError) -> ProcessingCheck
    /// Sends of one call in all, when answers are lost.
    var maxSends: Int { get }
    /// The back-off after `failures` lost answers.
    func pauseBeforeResending(afterFailures failures: Int) async throws(LinnworksError)
}

extension LinnworksClient: ShipmentService {
    func postalServices() async throws(LinnworksError) -> [PostalService] { try await getPostalServices() }

    func openOrderIDs(at location: String) async throws(LinnworksError) -> [String] {
        try await getAllOpenOrders(fulfilmentCenter: location)
    }

    func orders(ids: [String]) async throws(LinnworksError) -> [OrderDetails] { try await getOrdersById(ids) }

    func order(number: Int) async throws(LinnworksError) -> OrderDetails? { try await getOrderDetailsByNumOrderId(number) }

    func orders(reference: String) async throws(LinnworksError) -> [OrderDetails] {
        try await getOrderDetailsByReferenceId(reference)
    }

    func setShippingInfo(orderID: String, _ update: ShippingInfoUpdate) async throws(LinnworksError) {
        _ = try await setOrderShippingInfo(orderID: orderID, update)
    }
}
