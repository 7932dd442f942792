/// How an order ships: carrier, service, weights, postage and tracking number (`OrderShippingInfo`).
///
/// Exists because the shipment feed writes the tracking number here and must keep the rest.
public struct OrderShippingInfo: Codable, Sendable, Equatable {
    public var vendor: String?
    public var postalServiceID: String?
    public var postalServiceName: String?
    public var totalWeight: Double?
    public var itemWeight: Double?
    public var packageCategoryID: String?
    public var packageCategory: String?
    public var packageTypeID: String?
    public var packageType: String?
    public var postageCost: Double?
    public var postageCostExTax: Double?
    public var trackingNumber: String?
    public var isManualAdjust: Bool?

    public init() {}

    enum CodingKeys: String, CodingKey, CaseIterable {
        case vendor = "Vendor", postalServiceID = "PostalServiceId", postalServiceName = "PostalServiceName"
        case totalWeight = "TotalWeight", itemWeight = "ItemWeight", packageCategoryID = "PackageCategoryId"
        case packageCategory = "PackageCategory", packageTypeID = "PackageTypeId", packageType = "PackageType"
        case postageCost = "PostageCost", postageCostExTax = "PostageCostExTax"
        case trackingNumber = "TrackingNumber", isManualAdjust = "ManualAdjust"
    }
}

/// What `Orders/SetOrderShippingInfo` changes (`UpdateOrderShippingInfoRequest`); nil means "leave as is".
///
/// `Vendor` and `PostalServiceName` are deliberately absent: Linnworks does not take them here.
public struct ShippingInfoUpdate: Codable, Sendable, Equatable {
    public var postalServiceID: String?
    public var totalWeight: Double?
    public var itemWeight: Double?
    public var postageCost: Double?
    public var trackingNumber: String?
    public var isManualAdjust: Bool?

    public init(postalServiceID: String? = nil, totalWeight: Double? = nil, itemWeight: Double? = nil,
                postageCost: Double? = nil, trackingNumber: String? = nil, isManualAdjust: Bool? = nil) {
        self.postalServiceID = postalServiceID
        self.totalWeight = totalWeight
        self.itemWeight = itemWeight
        self.postageCost = postageCost
        self.trackingNumber = trackingNumber
        self.isManualAdjust = isManualAdjust
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case postalServiceID = "PostalServiceId", totalWeight = "TotalWeight", itemWeight = "ItemWeight"
        case postageCost = "PostageCost", trackingNumber = "TrackingNumber", isManualAdjust = "ManualAdjust"
    }
}

/// The order's money (`OrderTotalsInfo`).
public struct OrderTotalsInfo: Codable, Sendable, Equatable {
    public var subtotal: Double?
    public var postageCost: Double?
    public var postageCostExTax: Double?
    public var tax: Double?
    public var totalCharge: Double?
    public var paymentMethod: String?
    public var paymentMethodID: String?
    public var profitMargin: Double?
    public var totalDiscount: Double?
    public var currency: String?
    public var countryTaxRate: Double?
    public var conversionRate: Double?

    public init() {}

    enum CodingKeys: String, CodingKey, CaseIterable {
        case subtotal = "Subtotal", postageCost = "PostageCost", postageCostExTax = "PostageCostExTax"
        case tax = "Tax", totalCharge = "TotalCharge", paymentMethod = "PaymentMethod"
        case paymentMethodID = "PaymentMethodId", profitMargin = "ProfitMargin"
        case totalDiscount = "TotalDiscount", currency = "Currency", countryTaxRate = "CountryTaxRate"
        case conversionRate = "ConversionRate"
    }
}

/// The answer to `Orders/SetOrderShippingInfo`: the order's totals and shipping as they now stand.
public struct UpdateTotalsResult: Codable, Sendable, Equatable {
    public var totalsInfo: OrderTotalsInfo?
    public var shippingInfo: OrderShippingInfo?

    public init(totalsInfo: OrderTotalsInfo? = nil, shippingInfo: OrderShippingInfo? = nil) {
        self.totalsInfo = totalsInfo
        self.shippingInfo = shippingInfo
    }

    enum CodingKeys: String, CodingKey, CaseIterable { case totalsInfo = "TotalsInfo", shippingInfo = "ShippingInfo" }
}
