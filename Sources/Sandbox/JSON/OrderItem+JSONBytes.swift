import Linnworks

// An order's items (composite sub-items included) and their parts, written as `JSONValueEncoder`
// writes them (see `JSONBytesEncodable` for why). Members follow each model's `CodingKeys`.

extension OrderItem: JSONBytesEncodable {
    func writeJSON(to out: inout [UInt8]) { writeJSON(to: &out, stock: nil) }

    /// With `stock`, the stock members are the item's stock now (`LiveOrderFields.apply(to:)`).
    func writeJSON(to out: inout [UInt8], stock: LiveOrderFields.Stock?) {
        out.member(#"{"ItemId":"#, itemID)
        out.member(#","ItemNumber":"#, itemNumber)
        out.member(#","SKU":"#, sku)
        out.member(#","ItemSource":"#, itemSource)
        out.member(#","Title":"#, title)
        out.member(#","Quantity":"#, quantity)
        out.member(#","CategoryName":"#, categoryName)
        out.member(#","CompositeAvailablity":"#, compositeAvailability)
        out.member(#","StockLevelsSpecified":"#, stockLevelsSpecified)
        out.member(#","OnOrder":"#, onOrder)
        out.member(#","OnPurchaseOrder":"#, onPurchaseOrder)
        out.member(#","InOrderBook":"#, stock.map(\.promised) ?? inOrderBook)
        out.member(#","Level":"#, stock.map(\.level) ?? level)
        out.member(#","MinimumLevel":"#, stock == nil ? minimumLevel : 0)
        out.member(#","AvailableStock":"#, stock.map { $0.level - $0.promised } ?? availableStock)
        out.member(#","PricePerUnit":"#, pricePerUnit)
        out.member(#","UnitCost":"#, unitCost)
        out.member(#","DespatchStockUnitCost":"#, despatchStockUnitCost)
        out.member(#","Discount":"#, discount)
        out.member(#","Tax":"#, tax)
        out.member(#","TaxRate":"#, taxRate)
        out.member(#","Cost":"#, cost)
        out.member(#","CostIncTax":"#, costIncludingTax)
        out.member(#","CompositeSubItems":"#, compositeSubItems)
        out.member(#","IsService":"#, isService)
        out.member(#","SalesTax":"#, salesTax)
        out.member(#","TaxCostInclusive":"#, isTaxCostInclusive)
        out.member(#","PartShipped":"#, isPartShipped)
        out.member(#","Weight":"#, weight)
        out.member(#","BarcodeNumber":"#, barcode)
        out.member(#","Market":"#, market)
        out.member(#","ChannelSKU":"#, channelSKU)
        out.member(#","ChannelTitle":"#, channelTitle)
        out.member(#","DiscountValue":"#, discountValue)
        out.member(#","HasImage":"#, hasImage)
        out.member(#","ImageId":"#, imageID)
        out.member(#","AdditionalInfo":"#, additionalInfo)
        out.member(#","StockLevelIndicator":"#, stockLevelIndicator)
        out.member(#","ShippingCost":"#, shippingCost)
        out.member(#","PartShippedQty":"#, partShippedQuantity)
        out.member(#","ItemName":"#, itemName)
        out.member(#","BatchNumberScanRequired":"#, batchNumberScanRequired)
        out.member(#","SerialNumberScanRequired":"#, serialNumberScanRequired)
        out.member(#","BinRack":"#, binRack)
        out.member(#","BinRacks":"#, binRacks)
        out.member(#","InventoryTrackingType":"#, inventoryTrackingType)
        out.member(#","isBatchedStockItem":"#, isBatchedStockItem)
        out.member(#","IsWarehouseManaged":"#, isWarehouseManaged)
        out.member(#","IsUnlinked":"#, isUnlinked)
        out.member(#","StockItemIntId":"#, stockItemIntID)
        out.member(#","Boxes":"#, boxes)
        out.member(#","AddedDate":"#, addedDate)
        out.member(#","RowId":"#, rowID)
        out.member(#","OrderId":"#, orderID)
        out.member(#","StockItemId":"#, stockItemID)
        out.endObject()
    }
}

extension OrderItemOnOrder: JSONBytesEncodable {
    func writeJSON(to out: inout [UInt8]) {
        out.member(#"{"pkPurchaseItemId":"#, purchaseItemID)
        out.member(#","Rowid":"#, rowID)
        out.member(#","pkPurchaseId":"#, purchaseID)
        out.member(#","ExternalInvoiceNumber":"#, externalInvoiceNumber)
        out.member(#","fkSupplierId":"#, supplierID)
        out.member(#","DateOfDelivery":"#, dateOfDelivery)
        out.member(#","QuotedDeliveryDate":"#, quotedDeliveryDate)
        out.member(#","SupplierName":"#, supplierName)
        out.member(#","fkLocationId":"#, locationID)
        out.endObject()
    }
}

extension OrderItemOption: JSONBytesEncodable {
    func writeJSON(to out: inout [UInt8]) {
        out.member(#"{"pkOptionId":"#, optionID)
        out.member(#","Property":"#, property)
        out.member(#","Value":"#, value)
        out.endObject()
    }
}

extension OrderItemBinRack: JSONBytesEncodable {
    func writeJSON(to out: inout [UInt8]) {
        out.member(#"{"Quantity":"#, quantity)
        out.member(#","BinRack":"#, binRack)
        out.member(#","Location":"#, location)
        out.member(#","BatchId":"#, batchID)
        out.member(#","OrderItemBatchId":"#, orderItemBatchID)
        out.endObject()
    }
}

extension StockItemBoxConfiguration: JSONBytesEncodable {
    func writeJSON(to out: inout [UInt8]) {
        out.member(#"{"BoxId":"#, boxID)
        out.member(#","StockItemIntId":"#, stockItemIntID)
        out.member(#","BoxName":"#, boxName)
        out.member(#","Width":"#, width)
        out.member(#","Height":"#, height)
        out.member(#","Length":"#, length)
        out.member(#","Weight":"#, weight)
        out.member(#","ValuePercentage":"#, valuePercentage)
        out.member(#","Barcode":"#, barcode)
        out.member(#","PackagingTypeId":"#, packagingTypeID)
        out.member(#","LogicalDelete":"#, isDeleted)
        out.endObject()
    }
}
