import Linnworks

/// What the shipment feed needs to know about a Linnworks order.
///
/// Exists so the feed's stages work on a small value instead of the whole `OrderDetails`.
struct OrderSummary: Sendable, Equatable {
    var id: String
    var orderNumber: Int?
    var reference: String?
    var externalReference: String?
    var secondaryReference: String?
    var isProcessed: Bool
    var isParked: Bool
    var isOnHoldOrCancelled: Bool
    /// The fulfilment location, for `ProcessOrdersInBatch`.
    var locationID: String?
    var postalServiceID: String?
    var postalServiceName: String?
    var trackingNumber: String?
    var totalWeight: Double?
    var itemWeight: Double?
    var postageCost: Double?
    var isManualAdjust: Bool?

    init(_ details: OrderDetails) {
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

    /// An order as the stages see it, for unit tests of one stage.
    init(id: String, orderNumber: Int?, reference: String? = nil, isProcessed: Bool = false, isParked: Bool = false,
         isOnHoldOrCancelled: Bool = false, locationID: String? = nil, postalServiceID: String? = nil,
         trackingNumber: String? = nil, totalWeight: Double? = nil, postageCost: Double? = nil) {
        self.id = id
        self.orderNumber = orderNumber
        self.reference = reference
        self.isProcessed = isProcessed
        self.isParked = isParked
        self.isOnHoldOrCancelled = isOnHoldOrCancelled
        self.locationID = locationID
        self.postalServiceID = postalServiceID
        self.trackingNumber = trackingNumber
        self.totalWeight = totalWeight
        self.postageCost = postageCost
    }
}
