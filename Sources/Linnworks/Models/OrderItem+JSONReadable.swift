/// Fast readers for the order answers (see `JSONReader`): each switch covers every `CodingKeys`
/// case, so the compiler refuses a model property its reader does not read.

extension OrderItem: JSONReadable {
    private static let keys = JSONKeyTable<CodingKeys>()

    init(reading json: inout JSONReader) throws(JSONReaderGaveUp) {
        self.init()
        try Self.keys.readObject(&json) { key, json throws(JSONReaderGaveUp) in
            switch key {
            case .itemID: itemID = try json.string()
            case .itemNumber: itemNumber = try json.string()
            case .sku: sku = try json.string()
            case .itemSource: itemSource = try json.string()
            case .title: title = try json.string()
            case .quantity: quantity = try json.int()
            case .categoryName: categoryName = try json.string()
            case .compositeAvailability: compositeAvailability = try json.int()
            case .stockLevelsSpecified: stockLevelsSpecified = try json.bool()
            case .onOrder: onOrder = try json.int()
            case .onPurchaseOrder: onPurchaseOrder = try json.read(OrderItemOnOrder.self)
            case .inOrderBook: inOrderBook = try json.int()
            case .level: level = try json.int()
            case .minimumLevel: minimumLevel = try json.int()
            case .availableStock: availableStock = try json.int()
            case .pricePerUnit: pricePerUnit = try json.double()
            case .unitCost: unitCost = try json.double()
            case .despatchStockUnitCost: despatchStockUnitCost = try json.double()
            case .discount: discount = try json.double()
            case .tax: tax = try json.double()
            case .taxRate: taxRate = try json.double()
            case .cost: cost = try json.double()
            case .costIncludingTax: costIncludingTax = try json.double()
            case .compositeSubItems: compositeSubItems = try json.read([OrderItem].self)
            case .isService: isService = try json.bool()
            case .salesTax: salesTax = try json.double()
            case .isTaxCostInclusive: isTaxCostInclusive = try json.bool()
            case .isPartShipped: isPartShipped = try json.bool()
            case .weight: weight = try json.double()
            case .barcode: barcode = try json.string()
            case .market: market = try json.int()
            case .channelSKU: channelSKU = try json.string()
            case .channelTitle: channelTitle = try json.string()
            case .discountValue: discountValue = try json.double()
            case .hasImage: hasImage = try json.bool()
            case .imageID: imageID = try json.string()
            case .additionalInfo: additionalInfo = try json.read([OrderItemOption].self)
            case .stockLevelIndicator: stockLevelIndicator = try json.int()
            case .shippingCost: shippingCost = try json.double()
            case .partShippedQuantity: partShippedQuantity = try json.int()
            case .itemName: itemName = try json.string()
            case .batchNumberScanRequired: batchNumberScanRequired = try json.bool()
            case .serialNumberScanRequired: serialNumberScanRequired = try json.bool()
            case .binRack: binRack = try json.string()
            case .binRacks: binRacks = try json.read([OrderItemBinRack].self)
            case .inventoryTrackingType: inventoryTrackingType = try json.int()
            case .isBatchedStockItem: isBatchedStockItem = try json.bool()
            case .isWarehouseManaged: isWarehouseManaged = try json.bool()
            case .isUnlinked: isUnlinked = try json.bool()
            case .stockItemIntID: stockItemIntID = try json.int()
            case .boxes: boxes = try json.read([StockItemBoxConfiguration].self)
            case .addedDate: addedDate = try json.string()
            case .rowID: rowID = try json.string()
            case .orderID: orderID = try json.string()
            case .stockItemID: stockItemID = try json.string()
            }
        }
    }
}

extension OrderItemOnOrder: JSONReadable {
    private static let keys = JSONKeyTable<CodingKeys>()

    init(reading json: inout JSONReader) throws(JSONReaderGaveUp) {
        self.init()
        try Self.keys.readObject(&json) { key, json throws(JSONReaderGaveUp) in
            switch key {
            case .purchaseItemID: purchaseItemID = try json.string()
            case .rowID: rowID = try json.string()
            case .purchaseID: purchaseID = try json.string()
            case .externalInvoiceNumber: externalInvoiceNumber = try json.string()
            case .supplierID: supplierID = try json.string()
            case .dateOfDelivery: dateOfDelivery = try json.string()
            case .quotedDeliveryDate: quotedDeliveryDate = try json.string()
            case .supplierName: supplierName = try json.string()
            case .locationID: locationID = try json.string()
            }
        }
    }
}

extension OrderItemOption: JSONReadable {
    private static let keys = JSONKeyTable<CodingKeys>()

    init(reading json: inout JSONReader) throws(JSONReaderGaveUp) {
        self.init()
        try Self.keys.readObject(&json) { key, json throws(JSONReaderGaveUp) in
            switch key {
            case .optionID: optionID = try json.string()
            case .property: property = try json.string()
            case .value: value = try json.string()
            }
        }
    }
}

extension OrderItemBinRack: JSONReadable {
    private static let keys = JSONKeyTable<CodingKeys>()

    init(reading json: inout JSONReader) throws(JSONReaderGaveUp) {
        self.init()
        try Self.keys.readObject(&json) { key, json throws(JSONReaderGaveUp) in
            switch key {
            case .quantity: quantity = try json.int()
            case .binRack: binRack = try json.string()
            case .location: location = try json.string()
            case .batchID: batchID = try json.int()
            case .orderItemBatchID: orderItemBatchID = try json.int()
            }
        }
    }
}

extension StockItemBoxConfiguration: JSONReadable {
    private static let keys = JSONKeyTable<CodingKeys>()

    init(reading json: inout JSONReader) throws(JSONReaderGaveUp) {
        self.init()
        try Self.keys.readObject(&json) { key, json throws(JSONReaderGaveUp) in
            switch key {
            case .boxID: boxID = try json.int()
            case .stockItemIntID: stockItemIntID = try json.int()
            case .boxName: boxName = try json.string()
            case .width: width = try json.double()
            case .height: height = try json.double()
            case .length: length = try json.double()
            case .weight: weight = try json.double()
            case .valuePercentage: valuePercentage = try json.double()
            case .barcode: barcode = try json.string()
            case .packagingTypeID: packagingTypeID = try json.string()
            case .isDeleted: isDeleted = try json.bool()
            }
        }
    }
}
