/// A place stock is kept (`StockLocation`), as `Inventory/GetStockLocations` lists it.
///
/// Exists because files name locations ("3PL Warehouse") while Linnworks wants their GUID;
/// the Default location's id is the all-zero GUID.
public struct StockLocation: Codable, Sendable, Equatable {
    public var address1: String?
    public var address2: String?
    public var city: String?
    public var county: String?
    public var country: String?
    public var zipCode: String?
    public var isNotTrackable: Bool?
    public var locationTag: String?
    public var countsInOrderUntilAcknowledgement: Bool?
    public var fulfilmentCentreDeductsStockWhenProcessed: Bool?
    public var isWarehouseManaged: Bool?
    public var stockLocationID: String?
    public var locationName: String?
    public var isFulfilmentCentre: Bool?
    public var stockLocationIntID: Int?

    public init() {}

    enum CodingKeys: String, CodingKey {
        case address1 = "Address1", address2 = "Address2", city = "City", county = "County"
        case country = "Country", zipCode = "ZipCode", isNotTrackable = "IsNotTrackable"
        case locationTag = "LocationTag", countsInOrderUntilAcknowledgement = "CountInOrderUntilAcknowledgement"
        case fulfilmentCentreDeductsStockWhenProcessed = "FulfilmentCenterDeductStockWhenProcessed"
        case isWarehouseManaged = "IsWarehouseManaged", stockLocationID = "StockLocationId"
        case locationName = "LocationName", isFulfilmentCentre = "IsFulfillmentCenter"
        case stockLocationIntID = "StockLocationIntId"
    }
}

/// The location as it is embedded in a stock level (`InventoryStockLocation`).
public struct InventoryStockLocation: Codable, Sendable, Equatable {
    public var stockLocationID: String?
    public var stockLocationIntID: Int?
    public var locationName: String?
    public var locationTag: String?
    public var isFulfilmentCentre: Bool?
    public var isWarehouseManaged: Bool?
    public var binRack: String?

    public init() {}

    enum CodingKeys: String, CodingKey, CaseIterable {
        case stockLocationID = "StockLocationId", stockLocationIntID = "StockLocationIntId"
        case locationName = "LocationName", locationTag = "LocationTag"
        case isFulfilmentCentre = "IsFulfillmentCenter", isWarehouseManaged = "IsWarehouseManaged"
        case binRack = "BinRack"
    }
}
