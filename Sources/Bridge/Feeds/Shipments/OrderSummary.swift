import Linnworks

/// What the shipment feed needs to know about a Linnworks order.
///
/// Exists so the feed's stages work on a small value instead of the whole `OrderDetails`.
public struct OrderSummary: Sendable, Equatable {
    public var id: String
    public var orderNumber: Int?
    public var reference: String?
    public var externalReference: String?
    public var secondaryReference: String?
    public var isProcessed: Bool
    public var isParked: Bool
    public var isOnHoldOrCancelled: Bool
    /// The fulfilment location, for `ProcessOrdersInBatch`.
    public var locationID: String?
    public var postalServiceID: String?
    public var postalServiceName: String?
    public var trackingNumber: String?
    public var totalWeight: Double?
    public var itemWeight: Double?
    public var postageCost: Double?
    public var isManualAdjust: Bool?

    public init(_ details: OrderDetails) {
        id = (details.orderID ?? "").lowercased()
        orderNumber = details.orderNumber
        reference = details.generalInfo?.reference
        externalReference = details.generalInfo?.externalReference
        secondaryReference = details.generalInfo?.secondaryReference
        isProcessed = details.isProcessed ?? false
        isParked = details.generalInfo?.isParked ?? (details.generalInfo?.marker == 7)
        isOnHoldOrCancelled = details.generalInfo?.isOnHoldOrCancelled ?? false
        locationID = details.fulfilmentLocationID ?? details.generalInfo?.locationID
        postalServiceID = details.shippingInfo?.postalServiceID
        postalServiceName = details.shippingInfo?.postalServiceName
        trackingNumber = details.shippingInfo?.trackingNumber
        totalWeight = details.shippingInfo?.totalWeight
        itemWeight = details.shippingInfo?.itemWeight
        postageCost = details.shippingInfo?.postageCost
        isManualAdjust = details.shippingInfo?.isManualAdjust
    }
}
