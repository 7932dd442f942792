/// Fast readers for `GetStockItemsFull` pages (see `JSONReader`): the stock-level export reads
/// 200 items a page, a thousand pages for a large account. Each switch covers every `CodingKeys`
/// case, so the compiler refuses a model property its reader does not read.

extension StockItemFull: JSONReadable {
    private static let keys = JSONKeyTable<CodingKeys>()

    init(reading json: inout JSONReader) throws(JSONReaderGaveUp) {
        self.init()
        try Self.keys.readObject(&json) { key, json throws(JSONReaderGaveUp) in
            switch key {
            case .suppliers: suppliers = try json.read([StockItemSupplierStat].self)
            case .stockLevels: stockLevels = try json.read([StockItemLevel].self)
            case .channelDescriptions: channelDescriptions = try json.read([StockItemDescription].self)
            case .extendedProperties: extendedProperties = try json.read([StockItemExtendedProperty].self)
            case .channelTitles: channelTitles = try json.read([StockItemTitle].self)
            case .channelPrices: channelPrices = try json.read([StockItemPrice].self)
            case .images: images = try json.read([StockItemImage].self)
            case .sku: sku = try json.string()
            case .title: title = try json.string()
            case .barcode: barcode = try json.string()
            case .metaData: metaData = try json.string()
            case .isVariationParent: isVariationParent = try json.bool()
            case .isBatchedStockType: isBatchedStockType = try json.bool()
            case .purchasePrice: purchasePrice = try json.double()
            case .retailPrice: retailPrice = try json.double()
            case .taxRate: taxRate = try json.double()
            case .postalServiceID: postalServiceID = try json.string()
            case .postalServiceName: postalServiceName = try json.string()
            case .categoryID: categoryID = try json.string()
            case .categoryName: categoryName = try json.string()
            case .packageGroupID: packageGroupID = try json.string()
            case .packageGroupName: packageGroupName = try json.string()
            case .height: height = try json.double()
            case .width: width = try json.double()
            case .depth: depth = try json.double()
            case .weight: weight = try json.double()
            case .creationDate: creationDate = try json.string()
            case .inventoryTrackingType: inventoryTrackingType = try json.int()
            case .batchNumberScanRequired: batchNumberScanRequired = try json.bool()
            case .serialNumberScanRequired: serialNumberScanRequired = try json.bool()
            case .stockItemID: stockItemID = try json.string()
            case .stockItemIntID: stockItemIntID = try json.int()
            }
        }
    }
}

extension StockItemSupplierStat: JSONReadable {
    private static let keys = JSONKeyTable<CodingKeys>()

    init(reading json: inout JSONReader) throws(JSONReaderGaveUp) {
        self.init()
        try Self.keys.readObject(&json) { key, json throws(JSONReaderGaveUp) in
            switch key {
            case .isDefault: isDefault = try json.bool()
            case .supplier: supplier = try json.string()
            case .supplierID: supplierID = try json.string()
            case .code: code = try json.string()
            case .supplierBarcode: supplierBarcode = try json.string()
            case .leadTime: leadTime = try json.int()
            case .purchasePrice: purchasePrice = try json.double()
            case .minPrice: minPrice = try json.double()
            case .maxPrice: maxPrice = try json.double()
            case .averagePrice: averagePrice = try json.double()
            case .averageLeadTime: averageLeadTime = try json.double()
            case .supplierMinOrderQty: supplierMinOrderQty = try json.int()
            case .supplierPackSize: supplierPackSize = try json.int()
            case .supplierCurrency: supplierCurrency = try json.string()
            case .stockItemID: stockItemID = try json.string()
            case .stockItemIntID: stockItemIntID = try json.int()
            }
        }
    }
}

extension StockItemDescription: JSONReadable {
    private static let keys = JSONKeyTable<CodingKeys>()

    init(reading json: inout JSONReader) throws(JSONReaderGaveUp) {
        self.init()
        try Self.keys.readObject(&json) { key, json throws(JSONReaderGaveUp) in
            switch key {
            case .rowID: rowID = try json.string()
            case .source: source = try json.string()
            case .subSource: subSource = try json.string()
            case .description: description = try json.string()
            case .stockItemID: stockItemID = try json.string()
            case .stockItemIntID: stockItemIntID = try json.int()
            }
        }
    }
}

extension StockItemExtendedProperty: JSONReadable {
    private static let keys = JSONKeyTable<CodingKeys>()

    init(reading json: inout JSONReader) throws(JSONReaderGaveUp) {
        self.init()
        try Self.keys.readObject(&json) { key, json throws(JSONReaderGaveUp) in
            switch key {
            case .rowID: rowID = try json.string()
            case .stockItemID: stockItemID = try json.string()
            case .name: name = try json.string()
            case .value: value = try json.string()
            case .type: type = try json.string()
            }
        }
    }
}

extension StockItemTitle: JSONReadable {
    private static let keys = JSONKeyTable<CodingKeys>()

    init(reading json: inout JSONReader) throws(JSONReaderGaveUp) {
        self.init()
        try Self.keys.readObject(&json) { key, json throws(JSONReaderGaveUp) in
            switch key {
            case .rowID: rowID = try json.string()
            case .source: source = try json.string()
            case .subSource: subSource = try json.string()
            case .title: title = try json.string()
            case .stockItemID: stockItemID = try json.string()
            case .stockItemIntID: stockItemIntID = try json.int()
            }
        }
    }
}

extension StockItemPrice: JSONReadable {
    private static let keys = JSONKeyTable<CodingKeys>()

    init(reading json: inout JSONReader) throws(JSONReaderGaveUp) {
        self.init()
        try Self.keys.readObject(&json) { key, json throws(JSONReaderGaveUp) in
            switch key {
            case .rules: rules = try json.read([StockItemPricingRule].self)
            case .rowID: rowID = try json.string()
            case .source: source = try json.string()
            case .subSource: subSource = try json.string()
            case .price: price = try json.double()
            case .tag: tag = try json.string()
            case .updateStatus: updateStatus = try json.string()
            case .stockItemID: stockItemID = try json.string()
            case .stockItemIntID: stockItemIntID = try json.int()
            }
        }
    }
}

extension StockItemPricingRule: JSONReadable {
    private static let keys = JSONKeyTable<CodingKeys>()

    init(reading json: inout JSONReader) throws(JSONReaderGaveUp) {
        self.init()
        try Self.keys.readObject(&json) { key, json throws(JSONReaderGaveUp) in
            switch key {
            case .rowID: rowID = try json.int()
            case .priceID: priceID = try json.string()
            case .type: type = try json.string()
            case .lowerBound: lowerBound = try json.int()
            case .value: value = try json.double()
            }
        }
    }
}

extension StockItemImage: JSONReadable {
    private static let keys = JSONKeyTable<CodingKeys>()

    init(reading json: inout JSONReader) throws(JSONReaderGaveUp) {
        self.init()
        try Self.keys.readObject(&json) { key, json throws(JSONReaderGaveUp) in
            switch key {
            case .source: source = try json.string()
            case .fullSource: fullSource = try json.string()
            case .checkSumValue: checkSumValue = try json.string()
            case .rowID: rowID = try json.string()
            case .isMain: isMain = try json.bool()
            case .sortOrder: sortOrder = try json.int()
            case .checksumValue: checksumValue = try json.string()
            case .rawChecksum: rawChecksum = try json.string()
            case .stockItemID: stockItemID = try json.string()
            case .stockItemIntID: stockItemIntID = try json.int()
            }
        }
    }
}

extension StockItemLevel: JSONReadable {
    private static let keys = JSONKeyTable<CodingKeys>()

    init(reading json: inout JSONReader) throws(JSONReaderGaveUp) {
        self.init()
        try Self.keys.readObject(&json) { key, json throws(JSONReaderGaveUp) in
            switch key {
            case .location: location = try json.read(InventoryStockLocation.self)
            case .stockLevel: stockLevel = try json.int()
            case .stockValue: stockValue = try json.double()
            case .minimumLevel: minimumLevel = try json.int()
            case .inOrderBook: inOrderBook = try json.int()
            case .due: due = try json.int()
            case .isJustInTime: isJustInTime = try json.bool()
            case .inOrders: inOrders = try json.int()
            case .available: available = try json.int()
            case .unitCost: unitCost = try json.double()
            case .sku: sku = try json.string()
            case .autoAdjust: autoAdjust = try json.bool()
            case .lastUpdateDate: lastUpdateDate = try json.string()
            case .lastUpdateOperation: lastUpdateOperation = try json.string()
            case .rowID: rowID = try json.string()
            case .pendingUpdate: pendingUpdate = try json.bool()
            case .purchasePrice: purchasePrice = try json.double()
            case .stockItemID: stockItemID = try json.string()
            case .stockItemIntID: stockItemIntID = try json.int()
            }
        }
    }
}

extension InventoryStockLocation: JSONReadable {
    private static let keys = JSONKeyTable<CodingKeys>()

    init(reading json: inout JSONReader) throws(JSONReaderGaveUp) {
        self.init()
        try Self.keys.readObject(&json) { key, json throws(JSONReaderGaveUp) in
            switch key {
            case .stockLocationID: stockLocationID = try json.string()
            case .stockLocationIntID: stockLocationIntID = try json.int()
            case .locationName: locationName = try json.string()
            case .locationTag: locationTag = try json.string()
            case .isFulfilmentCentre: isFulfilmentCentre = try json.bool()
            case .isWarehouseManaged: isWarehouseManaged = try json.bool()
            case .binRack: binRack = try json.string()
            }
        }
    }
}
