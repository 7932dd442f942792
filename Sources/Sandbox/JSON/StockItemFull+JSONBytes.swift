import Linnworks

// `StockItemFull`, the parts it is made of, and `StockItemLevel` with its location, written as
// `JSONValueEncoder` writes them (see `JSONBytesEncodable` for why).
//
// Exists because the stock-level export pages through every SKU of an account with
// `Stock/GetStockItemsFull` (a 200,000-SKU account is 1,003 pages of 200 items, each with a level
// per location), and encoding those pages through the Codable tree was most of the sandbox's CPU,
// taken from the client it shares a machine with. `SetStockLevel` and `UpdateStockLevelsBySKU`
// answers use the same `StockItemLevel` writer, so a level's fields are listed once.
// Members follow each model's `CodingKeys`, in declaration order; each literal carries the `{` or
// `,` before its key. `StockItemFullJSONTests` compares every type here with the general encoder.

extension StockItemFull: JSONBytesEncodable {
    func writeJSON(to out: inout [UInt8]) {
        out.member(#"{"Suppliers":"#, suppliers)
        out.member(#","StockLevels":"#, stockLevels)
        out.member(#","ItemChannelDescriptions":"#, channelDescriptions)
        out.member(#","ItemExtendedProperties":"#, extendedProperties)
        out.member(#","ItemChannelTitles":"#, channelTitles)
        out.member(#","ItemChannelPrices":"#, channelPrices)
        out.member(#","Images":"#, images)
        out.member(#","ItemNumber":"#, sku)
        out.member(#","ItemTitle":"#, title)
        out.member(#","BarcodeNumber":"#, barcode)
        out.member(#","MetaData":"#, metaData)
        out.member(#","IsVariationParent":"#, isVariationParent)
        out.member(#","isBatchedStockType":"#, isBatchedStockType)
        out.member(#","PurchasePrice":"#, purchasePrice)
        out.member(#","RetailPrice":"#, retailPrice)
        out.member(#","TaxRate":"#, taxRate)
        out.member(#","PostalServiceId":"#, postalServiceID)
        out.member(#","PostalServiceName":"#, postalServiceName)
        out.member(#","CategoryId":"#, categoryID)
        out.member(#","CategoryName":"#, categoryName)
        out.member(#","PackageGroupId":"#, packageGroupID)
        out.member(#","PackageGroupName":"#, packageGroupName)
        out.member(#","Height":"#, height)
        out.member(#","Width":"#, width)
        out.member(#","Depth":"#, depth)
        out.member(#","Weight":"#, weight)
        out.member(#","CreationDate":"#, creationDate)
        out.member(#","InventoryTrackingType":"#, inventoryTrackingType)
        out.member(#","BatchNumberScanRequired":"#, batchNumberScanRequired)
        out.member(#","SerialNumberScanRequired":"#, serialNumberScanRequired)
        out.member(#","StockItemId":"#, stockItemID)
        out.member(#","StockItemIntId":"#, stockItemIntID)
        out.endObject()
    }
}

extension StockItemSupplierStat: JSONBytesEncodable {
    func writeJSON(to out: inout [UInt8]) {
        out.member(#"{"IsDefault":"#, isDefault)
        out.member(#","Supplier":"#, supplier)
        out.member(#","SupplierID":"#, supplierID)
        out.member(#","Code":"#, code)
        out.member(#","SupplierBarcode":"#, supplierBarcode)
        out.member(#","LeadTime":"#, leadTime)
        out.member(#","PurchasePrice":"#, purchasePrice)
        out.member(#","MinPrice":"#, minPrice)
        out.member(#","MaxPrice":"#, maxPrice)
        out.member(#","AveragePrice":"#, averagePrice)
        out.member(#","AverageLeadTime":"#, averageLeadTime)
        out.member(#","SupplierMinOrderQty":"#, supplierMinOrderQty)
        out.member(#","SupplierPackSize":"#, supplierPackSize)
        out.member(#","SupplierCurrency":"#, supplierCurrency)
        out.member(#","StockItemId":"#, stockItemID)
        out.member(#","StockItemIntId":"#, stockItemIntID)
        out.endObject()
    }
}

extension StockItemDescription: JSONBytesEncodable {
    func writeJSON(to out: inout [UInt8]) {
        out.member(#"{"pkRowId":"#, rowID)
        out.member(#","Source":"#, source)
        out.member(#","SubSource":"#, subSource)
        out.member(#","Description":"#, description)
        out.member(#","StockItemId":"#, stockItemID)
        out.member(#","StockItemIntId":"#, stockItemIntID)
        out.endObject()
    }
}

extension StockItemExtendedProperty: JSONBytesEncodable {
    func writeJSON(to out: inout [UInt8]) {
        out.member(#"{"pkRowId":"#, rowID)
        out.member(#","fkStockItemId":"#, stockItemID)
        out.member(#","ProperyName":"#, name)  // sic: the wire spelling
        out.member(#","PropertyValue":"#, value)
        out.member(#","PropertyType":"#, type)
        out.endObject()
    }
}

extension StockItemTitle: JSONBytesEncodable {
    func writeJSON(to out: inout [UInt8]) {
        out.member(#"{"pkRowId":"#, rowID)
        out.member(#","Source":"#, source)
        out.member(#","SubSource":"#, subSource)
        out.member(#","Title":"#, title)
        out.member(#","StockItemId":"#, stockItemID)
        out.member(#","StockItemIntId":"#, stockItemIntID)
        out.endObject()
    }
}

extension StockItemPrice: JSONBytesEncodable {
    func writeJSON(to out: inout [UInt8]) {
        out.member(#"{"Rules":"#, rules)
        out.member(#","pkRowId":"#, rowID)
        out.member(#","Source":"#, source)
        out.member(#","SubSource":"#, subSource)
        out.member(#","Price":"#, price)
        out.member(#","Tag":"#, tag)
        out.member(#","UpdateStatus":"#, updateStatus)
        out.member(#","StockItemId":"#, stockItemID)
        out.member(#","StockItemIntId":"#, stockItemIntID)
        out.endObject()
    }
}

extension StockItemPricingRule: JSONBytesEncodable {
    func writeJSON(to out: inout [UInt8]) {
        out.member(#"{"pkRowId":"#, rowID)
        out.member(#","fkStockPricingId":"#, priceID)
        out.member(#","Type":"#, type)
        out.member(#","LowerBound":"#, lowerBound)
        out.member(#","Value":"#, value)
        out.endObject()
    }
}

extension StockItemImage: JSONBytesEncodable {
    func writeJSON(to out: inout [UInt8]) {
        out.member(#"{"Source":"#, source)
        out.member(#","FullSource":"#, fullSource)
        out.member(#","CheckSumValue":"#, checkSumValue)
        out.member(#","pkRowId":"#, rowID)
        out.member(#","IsMain":"#, isMain)
        out.member(#","SortOrder":"#, sortOrder)
        out.member(#","ChecksumValue":"#, checksumValue)
        out.member(#","RawChecksum":"#, rawChecksum)
        out.member(#","StockItemId":"#, stockItemID)
        out.member(#","StockItemIntId":"#, stockItemIntID)
        out.endObject()
    }
}

extension StockItemLevel: JSONBytesEncodable {
    func writeJSON(to out: inout [UInt8]) {
        out.member(#"{"Location":"#, location)
        out.member(#","StockLevel":"#, stockLevel)
        out.member(#","StockValue":"#, stockValue)
        out.member(#","MinimumLevel":"#, minimumLevel)
        out.member(#","InOrderBook":"#, inOrderBook)
        out.member(#","Due":"#, due)
        out.member(#","JIT":"#, isJustInTime)
        out.member(#","InOrders":"#, inOrders)
        out.member(#","Available":"#, available)
        out.member(#","UnitCost":"#, unitCost)
        out.member(#","SKU":"#, sku)
        out.member(#","AutoAdjust":"#, autoAdjust)
        out.member(#","LastUpdateDate":"#, lastUpdateDate)
        out.member(#","LastUpdateOperation":"#, lastUpdateOperation)
        out.member(#","rowid":"#, rowID)
        out.member(#","PendingUpdate":"#, pendingUpdate)
        out.member(#","StockItemPurchasePrice":"#, purchasePrice)
        out.member(#","StockItemId":"#, stockItemID)
        out.member(#","StockItemIntId":"#, stockItemIntID)
        out.endObject()
    }
}

extension InventoryStockLocation: JSONBytesEncodable {
    func writeJSON(to out: inout [UInt8]) {
        out.member(#"{"StockLocationId":"#, stockLocationID)
        out.member(#","StockLocationIntId":"#, stockLocationIntID)
        out.member(#","LocationName":"#, locationName)
        out.member(#","LocationTag":"#, locationTag)
        out.member(#","IsFulfillmentCenter":"#, isFulfilmentCentre)
        out.member(#","IsWarehouseManaged":"#, isWarehouseManaged)
        out.member(#","BinRack":"#, binRack)
        out.endObject()
    }
}
