/// One line of an order: which item, how many, at what price (`OrderItem`).
///
/// Exists for the open-order export (SKU, title, quantity, unit price) and so the sandbox
/// knows which stock an order takes when it is processed. On open orders `StockItemId`
/// may be all zeros; `ItemId` is the stock item.
public struct OrderItem: Codable, Sendable, Equatable {
    public var itemID: String?
    public var itemNumber: String?
    public var sku: String?
    public var itemSource: String?
    public var title: String?
    public var quantity: Int?
    public var categoryName: String?
    public var compositeAvailability: Int?
    public var stockLevelsSpecified: Bool?
    public var onOrder: Int?
    public var onPurchaseOrder: OrderItemOnOrder?
    public var inOrderBook: Int?
    public var level: Int?
    public var minimumLevel: Int?
    public var availableStock: Int?
    public var pricePerUnit: Double?
    public var unitCost: Double?
    public var despatchStockUnitCost: Double?
    public var discount: Double?
    public var tax: Double?
    public var taxRate: Double?
    public var cost: Double?
    public var costIncludingTax: Double?
    public var compositeSubItems: [OrderItem]?
    public var isService: Bool?
    public var salesTax: Double?
    public var isTaxCostInclusive: Bool?
    public var isPartShipped: Bool?
    public var weight: Double?
    public var barcode: String?
    public var market: Int?
    public var channelSKU: String?
    public var channelTitle: String?
    public var discountValue: Double?
    public var hasImage: Bool?
    public var imageID: String?
    public var additionalInfo: [OrderItemOption]?
    public var stockLevelIndicator: Int?
    public var shippingCost: Double?
    public var partShippedQuantity: Int?
    public var itemName: String?
    public var batchNumberScanRequired: Bool?
    public var serialNumberScanRequired: Bool?
    public var binRack: String?
    public var binRacks: [OrderItemBinRack]?
    public var inventoryTrackingType: Int?
    public var isBatchedStockItem: Bool?
    public var isWarehouseManaged: Bool?
    public var isUnlinked: Bool?
    public var stockItemIntID: Int?
    public var boxes: [StockItemBoxConfiguration]?
    public var addedDate: String?
    public var rowID: String?
    public var orderID: String?
    public var stockItemID: String?

    public init() {}

    enum CodingKeys: String, CodingKey, CaseIterable {
        case itemID = "ItemId", itemNumber = "ItemNumber", sku = "SKU", itemSource = "ItemSource"
        case title = "Title", quantity = "Quantity", categoryName = "CategoryName"
        case compositeAvailability = "CompositeAvailablity", stockLevelsSpecified = "StockLevelsSpecified"
        case onOrder = "OnOrder", onPurchaseOrder = "OnPurchaseOrder", inOrderBook = "InOrderBook"
        case level = "Level", minimumLevel = "MinimumLevel", availableStock = "AvailableStock"
        case pricePerUnit = "PricePerUnit", unitCost = "UnitCost", despatchStockUnitCost = "DespatchStockUnitCost"
        case discount = "Discount", tax = "Tax", taxRate = "TaxRate", cost = "Cost"
        case costIncludingTax = "CostIncTax", compositeSubItems = "CompositeSubItems", isService = "IsService"
        case salesTax = "SalesTax", isTaxCostInclusive = "TaxCostInclusive", isPartShipped = "PartShipped"
        case weight = "Weight", barcode = "BarcodeNumber", market = "Market", channelSKU = "ChannelSKU"
        case channelTitle = "ChannelTitle", discountValue = "DiscountValue", hasImage = "HasImage"
        case imageID = "ImageId", additionalInfo = "AdditionalInfo", stockLevelIndicator = "StockLevelIndicator"
        case shippingCost = "ShippingCost", partShippedQuantity = "PartShippedQty", itemName = "ItemName"
        case batchNumberScanRequired = "BatchNumberScanRequired"
        case serialNumberScanRequired = "SerialNumberScanRequired", binRack = "BinRack", binRacks = "BinRacks"
        case inventoryTrackingType = "InventoryTrackingType", isBatchedStockItem = "isBatchedStockItem"
        case isWarehouseManaged = "IsWarehouseManaged", isUnlinked = "IsUnlinked"
        case stockItemIntID = "StockItemIntId", boxes = "Boxes", addedDate = "AddedDate", rowID = "RowId"
        case orderID = "OrderId", stockItemID = "StockItemId"
    }
}

/// The purchase order an item is waiting on.
public struct OrderItemOnOrder: Codable, Sendable, Equatable {
    public var purchaseItemID: String?
    public var rowID: String?
    public var purchaseID: String?
    public var externalInvoiceNumber: String?
    public var supplierID: String?
    public var dateOfDelivery: String?
    public var quotedDeliveryDate: String?
    public var supplierName: String?
    public var locationID: String?

    public init() {}

    enum CodingKeys: String, CodingKey, CaseIterable {
        case purchaseItemID = "pkPurchaseItemId", rowID = "Rowid", purchaseID = "pkPurchaseId"
        case externalInvoiceNumber = "ExternalInvoiceNumber", supplierID = "fkSupplierId"
        case dateOfDelivery = "DateOfDelivery", quotedDeliveryDate = "QuotedDeliveryDate"
        case supplierName = "SupplierName", locationID = "fkLocationId"
    }
}

/// An option the buyer chose on an item (size, colour, engraving).
public struct OrderItemOption: Codable, Sendable, Equatable {
    public var optionID: String?
    public var property: String?
    public var value: String?

    public init() {}

    enum CodingKeys: String, CodingKey, CaseIterable { case optionID = "pkOptionId", property = "Property", value = "Value" }
}

/// Where in the warehouse an item is picked from.
public struct OrderItemBinRack: Codable, Sendable, Equatable {
    public var quantity: Int?
    public var binRack: String?
    public var location: String?
    public var batchID: Int?
    public var orderItemBatchID: Int?

    public init() {}

    enum CodingKeys: String, CodingKey, CaseIterable {
        case quantity = "Quantity", binRack = "BinRack", location = "Location", batchID = "BatchId"
        case orderItemBatchID = "OrderItemBatchId"
    }
}

/// A box an item ships in.
public struct StockItemBoxConfiguration: Codable, Sendable, Equatable {
    public var boxID: Int?
    public var stockItemIntID: Int?
    public var boxName: String?
    public var width: Double?
    public var height: Double?
    public var length: Double?
    public var weight: Double?
    public var valuePercentage: Double?
    public var barcode: String?
    public var packagingTypeID: String?
    public var isDeleted: Bool?

    public init() {}

    enum CodingKeys: String, CodingKey, CaseIterable {
        case boxID = "BoxId", stockItemIntID = "StockItemIntId", boxName = "BoxName", width = "Width"
        case height = "Height", length = "Length", weight = "Weight", valuePercentage = "ValuePercentage"
        case barcode = "Barcode", packagingTypeID = "PackagingTypeId", isDeleted = "LogicalDelete"
    }
}
