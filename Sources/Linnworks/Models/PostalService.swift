/// A shipping service the account can use (`PostalServiceWithChannelAndShippingLinks`).
///
/// Exists because shipment files name a carrier or service in their own words; the bridge
/// matches it by name, code or tag, and must send a tracking number when
/// `TrackingNumberRequired` says so.
public struct PostalService: Codable, Sendable, Equatable {
    public var id: String?
    public var hasMappedShippingService: Bool?
    public var channels: [PostalServiceChannel]?
    public var shippingServices: [ShippingService]?
    public var name: String?
    public var tag: String?
    public var serviceCountry: String?
    public var code: String?
    public var vendor: String?
    public var printModule: String?
    public var printModuleTitle: String?
    public var postalServiceID: String?
    public var isTrackingNumberRequired: Bool?
    public var isWeightRequired: Bool?
    public var ignoresPackagingGroup: Bool?
    public var shippingAPIConfigID: Int?
    public var integratedServiceID: String?

    public init() {}

    enum CodingKeys: String, CodingKey {
        case id, hasMappedShippingService, channels = "Channels", shippingServices = "ShippingServices"
        case name = "PostalServiceName", tag = "PostalServiceTag", serviceCountry = "ServiceCountry"
        case code = "PostalServiceCode", vendor = "Vendor", printModule = "PrintModule"
        case printModuleTitle = "PrintModuleTitle", postalServiceID = "pkPostalServiceId"
        case isTrackingNumberRequired = "TrackingNumberRequired", isWeightRequired = "WeightRequired"
        case ignoresPackagingGroup = "IgnorePackagingGroup", shippingAPIConfigID = "fkShippingAPIConfigId"
        case integratedServiceID = "IntegratedServiceId"
    }
}

/// A sales channel's name for a postal service (`Channel`).
public struct PostalServiceChannel: Codable, Sendable, Equatable {
    public var postalServiceID: String?
    public var postalServiceName: String?
    public var source: String?
    public var subSource: String?

    public init() {}

    enum CodingKeys: String, CodingKey {
        case postalServiceID = "pkPostalServiceId", postalServiceName = "PostalServiceName"
        case source = "Source", subSource = "SubSource"
    }
}

/// A courier integration's service linked to a postal service (`ShippingService`).
public struct ShippingService: Codable, Sendable, Equatable {
    public var postalServiceID: String?
    public var postalServiceName: String?
    public var vendor: String?
    public var accountID: String?
    public var vendorFriendlyName: String?

    public init() {}

    enum CodingKeys: String, CodingKey {
        case postalServiceID = "pkPostalServiceId", postalServiceName = "PostalServiceName", vendor
        case accountID = "accountid", vendorFriendlyName
    }
}
