/// One row of a stock snapshot as Linnworks takes it: this SKU, at this location, now holds `level`.
///
/// Exists as the unit `Stock/SetStockLevel` (absolute) and `UpdateStockLevelsBySKU` (delta) accept.
public struct StockLevelUpdate: Codable, Sendable, Equatable {
    public var sku: String?
    public var locationID: String?
    public var level: Int?

    public init(sku: String?, locationID: String?, level: Int?) {
        self.sku = sku
        self.locationID = locationID
        self.level = level
    }

    enum CodingKeys: String, CodingKey {
        case sku = "SKU", locationID = "LocationId", level = "Level"
    }
}

/// How much of one SKU a location holds (`StockItemLevel`), as Linnworks answers a stock write or read.
///
/// Exists because the answer to `SetStockLevel` is the only confirmation of which rows
/// Linnworks knew: a SKU missing from it was unknown.
public struct StockItemLevel: Codable, Sendable, Equatable {
    public var location: InventoryStockLocation?
    public var stockLevel: Int?
    public var stockValue: Double?
    public var minimumLevel: Int?
    public var inOrderBook: Int?
    public var due: Int?
    public var isJustInTime: Bool?
    public var inOrders: Int?
    public var available: Int?
    public var unitCost: Double?
    public var sku: String?
    public var autoAdjust: Bool?
    public var lastUpdateDate: String?
    public var lastUpdateOperation: String?
    public var rowID: String?
    public var pendingUpdate: Bool?
    public var purchasePrice: Double?
    public var stockItemID: String?
    public var stockItemIntID: Int?

    public init() {}

    enum CodingKeys: String, CodingKey, CaseIterable {
        case location = "Location", stockLevel = "StockLevel", stockValue = "StockValue"
        case minimumLevel = "MinimumLevel", inOrderBook = "InOrderBook", due = "Due", isJustInTime = "JIT"
        case inOrders = "InOrders", available = "Available", unitCost = "UnitCost", sku = "SKU"
        case autoAdjust = "AutoAdjust", lastUpdateDate = "LastUpdateDate"
        case lastUpdateOperation = "LastUpdateOperation", rowID = "rowid", pendingUpdate = "PendingUpdate"
        case purchasePrice = "StockItemPurchasePrice", stockItemID = "StockItemId"
        case stockItemIntID = "StockItemIntId"
    }
}

/// `Stock/GetStockLevel_Batch` request body: the stock items whose levels are wanted.
public struct StockLevelBatchRequest: Codable, Sendable, Equatable {
    public var stockItemIDs: [String]?

    public init(stockItemIDs: [String]? = nil) { self.stockItemIDs = stockItemIDs }

    enum CodingKeys: String, CodingKey { case stockItemIDs = "StockItemIds" }
}

/// One stock item's levels at every location, from `Stock/GetStockLevel_Batch`.
public struct StockLevelBatchResponse: Codable, Sendable, Equatable {
    public var stockItemID: String?
    public var levels: [StockItemLevel]?

    public init(stockItemID: String? = nil, levels: [StockItemLevel]? = nil) {
        self.stockItemID = stockItemID
        self.levels = levels
    }

    enum CodingKeys: String, CodingKey { case stockItemID = "pkStockItemId", levels = "StockItemLevels" }
}
