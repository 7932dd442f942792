/// A stock item with everything Linnworks knows about it (`StockItemFull`), from `Stock/GetStockItemsFull`.
///
/// Exists for the stock-level export and for resolving SKUs: `ItemNumber` is the SKU and
/// `StockLevels` holds one level per location.
public struct StockItemFull: Codable, Sendable, Equatable {
    public var suppliers: [StockItemSupplierStat]?
    public var stockLevels: [StockItemLevel]?
    public var channelDescriptions: [StockItemDescription]?
    public var extendedProperties: [StockItemExtendedProperty]?
    public var channelTitles: [StockItemTitle]?
    public var channelPrices: [StockItemPrice]?
    public var images: [StockItemImage]?
    public var sku: String?
    public var title: String?
    public var barcode: String?
    public var metaData: String?
    public var isVariationParent: Bool?
    public var isBatchedStockType: Bool?
    public var purchasePrice: Double?
    public var retailPrice: Double?
    public var taxRate: Double?
    public var postalServiceID: String?
    public var postalServiceName: String?
    public var categoryID: String?
    public var categoryName: String?
    public var packageGroupID: String?
    public var packageGroupName: String?
    public var height: Double?
    public var width: Double?
    public var depth: Double?
    public var weight: Double?
    public var creationDate: String?
    public var inventoryTrackingType: Int?
    public var batchNumberScanRequired: Bool?
    public var serialNumberScanRequired: Bool?
    public var stockItemID: String?
    public var stockItemIntID: Int?

    public init() {}

    enum CodingKeys: String, CodingKey, CaseIterable {
        case suppliers = "Suppliers", stockLevels = "StockLevels", channelDescriptions = "ItemChannelDescriptions"
        case extendedProperties = "ItemExtendedProperties", channelTitles = "ItemChannelTitles"
        case channelPrices = "ItemChannelPrices", images = "Images", sku = "ItemNumber", title = "ItemTitle"
        case barcode = "BarcodeNumber", metaData = "MetaData", isVariationParent = "IsVariationParent"
        case isBatchedStockType = "isBatchedStockType", purchasePrice = "PurchasePrice"
        case retailPrice = "RetailPrice", taxRate = "TaxRate", postalServiceID = "PostalServiceId"
        case postalServiceName = "PostalServiceName", categoryID = "CategoryId", categoryName = "CategoryName"
        case packageGroupID = "PackageGroupId", packageGroupName = "PackageGroupName", height = "Height"
        case width = "Width", depth = "Depth", weight = "Weight", creationDate = "CreationDate"
        case inventoryTrackingType = "InventoryTrackingType", batchNumberScanRequired = "BatchNumberScanRequired"
        case serialNumberScanRequired = "SerialNumberScanRequired", stockItemID = "StockItemId"
        case stockItemIntID = "StockItemIntId"
    }
}

/// A supplier of a stock item and what it charges.
public struct StockItemSupplierStat: Codable, Sendable, Equatable {
    public var isDefault: Bool?
    public var supplier: String?
    public var supplierID: String?
    public var code: String?
    public var supplierBarcode: String?
    public var leadTime: Int?
    public var purchasePrice: Double?
    public var minPrice: Double?
    public var maxPrice: Double?
    public var averagePrice: Double?
    public var averageLeadTime: Double?
    public var supplierMinOrderQty: Int?
    public var supplierPackSize: Int?
    public var supplierCurrency: String?
    public var stockItemID: String?
    public var stockItemIntID: Int?

    public init() {}

    enum CodingKeys: String, CodingKey, CaseIterable {
        case isDefault = "IsDefault", supplier = "Supplier", supplierID = "SupplierID", code = "Code"
        case supplierBarcode = "SupplierBarcode", leadTime = "LeadTime", purchasePrice = "PurchasePrice"
        case minPrice = "MinPrice", maxPrice = "MaxPrice", averagePrice = "AveragePrice"
        case averageLeadTime = "AverageLeadTime", supplierMinOrderQty = "SupplierMinOrderQty"
        case supplierPackSize = "SupplierPackSize", supplierCurrency = "SupplierCurrency"
        case stockItemID = "StockItemId", stockItemIntID = "StockItemIntId"
    }
}

/// A channel's description of a stock item.
public struct StockItemDescription: Codable, Sendable, Equatable {
    public var rowID: String?
    public var source: String?
    public var subSource: String?
    public var description: String?
    public var stockItemID: String?
    public var stockItemIntID: Int?

    public init() {}

    enum CodingKeys: String, CodingKey, CaseIterable {
        case rowID = "pkRowId", source = "Source", subSource = "SubSource", description = "Description"
        case stockItemID = "StockItemId", stockItemIntID = "StockItemIntId"
    }
}

/// A free-form property of a stock item (the wire name really is spelled `ProperyName`).
public struct StockItemExtendedProperty: Codable, Sendable, Equatable {
    public var rowID: String?
    public var stockItemID: String?
    public var name: String?
    public var value: String?
    public var type: String?

    public init() {}

    enum CodingKeys: String, CodingKey, CaseIterable {
        case rowID = "pkRowId", stockItemID = "fkStockItemId", name = "ProperyName"
        case value = "PropertyValue", type = "PropertyType"
    }
}

/// A channel's title for a stock item.
public struct StockItemTitle: Codable, Sendable, Equatable {
    public var rowID: String?
    public var source: String?
    public var subSource: String?
    public var title: String?
    public var stockItemID: String?
    public var stockItemIntID: Int?

    public init() {}

    enum CodingKeys: String, CodingKey, CaseIterable {
        case rowID = "pkRowId", source = "Source", subSource = "SubSource", title = "Title"
        case stockItemID = "StockItemId", stockItemIntID = "StockItemIntId"
    }
}

/// A channel's price for a stock item.
public struct StockItemPrice: Codable, Sendable, Equatable {
    public var rules: [StockItemPricingRule]?
    public var rowID: String?
    public var source: String?
    public var subSource: String?
    public var price: Double?
    public var tag: String?
    public var updateStatus: String?
    public var stockItemID: String?
    public var stockItemIntID: Int?

    public init() {}

    enum CodingKeys: String, CodingKey, CaseIterable {
        case rules = "Rules", rowID = "pkRowId", source = "Source", subSource = "SubSource", price = "Price"
        case tag = "Tag", updateStatus = "UpdateStatus", stockItemID = "StockItemId"
        case stockItemIntID = "StockItemIntId"
    }
}

/// A quantity-break pricing rule of a channel price.
public struct StockItemPricingRule: Codable, Sendable, Equatable {
    public var rowID: Int?
    public var priceID: String?
    public var type: String?
    public var lowerBound: Int?
    public var value: Double?

    public init() {}

    enum CodingKeys: String, CodingKey, CaseIterable {
        case rowID = "pkRowId", priceID = "fkStockPricingId", type = "Type", lowerBound = "LowerBound"
        case value = "Value"
    }
}

/// An image of a stock item (both checksum spellings exist on the wire).
public struct StockItemImage: Codable, Sendable, Equatable {
    public var source: String?
    public var fullSource: String?
    public var checkSumValue: String?
    public var rowID: String?
    public var isMain: Bool?
    public var sortOrder: Int?
    public var checksumValue: String?
    public var rawChecksum: String?
    public var stockItemID: String?
    public var stockItemIntID: Int?

    public init() {}

    enum CodingKeys: String, CodingKey, CaseIterable {
        case source = "Source", fullSource = "FullSource", checkSumValue = "CheckSumValue", rowID = "pkRowId"
        case isMain = "IsMain", sortOrder = "SortOrder", checksumValue = "ChecksumValue"
        case rawChecksum = "RawChecksum", stockItemID = "StockItemId", stockItemIntID = "StockItemIntId"
    }
}
