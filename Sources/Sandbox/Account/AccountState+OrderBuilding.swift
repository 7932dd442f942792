import Linnworks

/// Turning seed orders into full `OrderDetails`, and orders into the shapes the API answers with.
extension AccountState {
    func makeOrder(_ seed: SeedOrder, id: String, locationIndex: Int) throws(SandboxError) -> Order {
        let locationID = locations[locationIndex].stockLocationID ?? GUID.zero
        let service = seed.postalService.flatMap { name in
            postalServices.first { $0.name?.caseInsensitiveCompare(name) == .orderedSame || $0.id == name.lowercased() }
        }
        if seed.postalService != nil, service == nil {
            throw .seed("order \(seed.number): unknown postal service \(seed.postalService ?? "")")
        }
        var items: [OrderItem] = []
        var subtotal = 0.0
        var weight = 0.0
        for (lineNumber, line) in seed.items.enumerated() {
            guard let index = itemIndexBySKU[line.sku.lowercased()] else {
                throw .seed("order \(seed.number): unknown SKU \(line.sku)")
            }
            let stock = self.items[index]
            let price = line.pricePerUnit ?? stock.retailPrice
            subtotal += price * Double(line.quantity)
            weight += stock.weight * Double(line.quantity)
            var item = OrderItem()
            item.itemID = stock.id
            item.itemNumber = stock.sku
            item.sku = stock.sku
            item.itemSource = seed.source ?? "DIRECT"
            item.title = stock.title
            item.quantity = line.quantity
            item.categoryName = "Default"
            item.compositeAvailability = nil
            item.stockLevelsSpecified = true
            item.onOrder = 0
            item.onPurchaseOrder = nil
            item.pricePerUnit = price
            item.unitCost = stock.purchasePrice
            item.despatchStockUnitCost = stock.purchasePrice
            item.discount = 0
            item.tax = 0
            item.taxRate = 0
            item.cost = price * Double(line.quantity)
            item.costIncludingTax = price * Double(line.quantity)
            item.compositeSubItems = []
            item.isService = false
            item.salesTax = 0
            item.isTaxCostInclusive = true
            item.isPartShipped = false
            item.weight = stock.weight
            item.barcode = stock.barcode ?? ""
            item.market = 0
            item.channelSKU = stock.sku
            item.channelTitle = stock.title
            item.discountValue = 0
            item.hasImage = false
            item.imageID = nil
            item.additionalInfo = []
            item.stockLevelIndicator = 0
            item.shippingCost = 0
            item.partShippedQuantity = 0
            item.itemName = stock.title
            item.batchNumberScanRequired = false
            item.serialNumberScanRequired = false
            item.binRack = ""
            item.binRacks = []
            item.inventoryTrackingType = 0
            item.isBatchedStockItem = false
            item.isWarehouseManaged = false
            item.isUnlinked = false
            item.stockItemIntID = stock.intID
            item.boxes = []
            item.addedDate = seed.receivedDate
            item.rowID = GUID.make(0x0123_0000, UInt64(seed.number) << 8 | UInt64(lineNumber))
            item.orderID = id
            item.stockItemID = stock.id
            items.append(item)
        }

        var general = OrderGeneralInfo()
        general.status = 1
        general.labelPrinted = false
        general.labelError = ""
        general.invoicePrinted = false
        general.invoicePrintError = ""
        general.pickListPrinted = false
        general.pickListPrintError = ""
        general.isRuleRun = true
        general.noteCount = 0
        general.isPartShipped = false
        general.isParked = seed.isParked ?? false
        general.marker = general.isParked == true ? 7 : 0
        general.reference = seed.reference ?? ""
        general.secondaryReference = seed.secondaryReference ?? ""
        general.externalReference = seed.externalReference ?? ""
        general.receivedDate = seed.receivedDate ?? "0001-01-01T00:00:00Z"
        general.source = seed.source ?? "DIRECT"
        general.subSource = seed.subSource ?? ""
        general.siteCode = ""
        general.isOnHoldOrCancelled = false
        general.despatchByDate = seed.despatchByDate ?? "0001-01-01T00:00:00Z"
        general.scheduledDelivery = ScheduledDelivery(from: "0001-01-01T00:00:00Z", to: "0001-01-01T00:00:00Z")
        general.hasScheduledDelivery = false
        general.locationID = locationID
        general.itemCount = items.count
        general.pickwaveIDs = []
        general.stockAllocationType = nil

        var shipping = OrderShippingInfo()
        shipping.vendor = service?.vendor ?? ""
        shipping.postalServiceID = service?.id ?? GUID.zero
        shipping.postalServiceName = service?.name ?? ""
        shipping.totalWeight = weight
        shipping.itemWeight = weight
        shipping.packageCategoryID = GUID.zero
        shipping.packageCategory = "Default"
        shipping.packageTypeID = GUID.zero
        shipping.packageType = "Default"
        shipping.postageCost = seed.postageCost ?? 0
        shipping.postageCostExTax = seed.postageCost ?? 0
        shipping.trackingNumber = seed.trackingNumber ?? ""
        shipping.isManualAdjust = false

        var address = CustomerAddress()
        address.email = seed.customer.email ?? ""
        address.address1 = seed.customer.address1 ?? ""
        address.address2 = seed.customer.address2 ?? ""
        address.address3 = ""
        address.town = seed.customer.town ?? ""
        address.region = seed.customer.region ?? ""
        address.postCode = seed.customer.postCode ?? ""
        address.country = seed.customer.country ?? ""
        address.continent = "Europe"
        address.fullName = seed.customer.fullName
        address.company = seed.customer.company ?? ""
        address.phoneNumber = seed.customer.phone ?? ""
        address.countryID = GUID.zero

        var totals = OrderTotalsInfo()
        totals.subtotal = subtotal
        totals.postageCost = seed.postageCost ?? 0
        totals.postageCostExTax = seed.postageCost ?? 0
        totals.tax = 0
        totals.totalCharge = subtotal + (seed.postageCost ?? 0)
        totals.paymentMethod = "Default"
        totals.paymentMethodID = GUID.zero
        totals.profitMargin = 0
        totals.totalDiscount = 0
        totals.currency = seed.currency ?? "GBP"
        totals.countryTaxRate = 0
        totals.conversionRate = 1

        let tags = (seed.identifiers ?? []).map { $0.uppercased() }
        var details = OrderDetails()
        details.orderID = id
        details.orderNumber = seed.number
        details.isProcessed = seed.isProcessed ?? false
        details.processedDate = details.isProcessed == true ? (seed.receivedDate ?? AccountState.now()) : "0001-01-01T00:00:00Z"
        details.fulfilmentLocationID = locationID
        details.generalInfo = general
        details.shippingInfo = shipping
        details.customerInfo = OrderCustomerInfo(channelBuyerName: seed.customer.fullName, address: address,
                                                 billingAddress: address)
        details.totalsInfo = totals
        details.extendedProperties = []
        details.folderNames = []
        details.items = items
        details.notes = []
        details.paidDate = seed.receivedDate ?? "0001-01-01T00:00:00Z"
        details.taxID = ""
        return Order(details: details, locationIndex: locationIndex, identifierTags: tags)
    }

    /// The order at `index` in `orders` as `OrderDetails` now: identifiers and items' live stock filled in.
    ///
    /// Takes the index, not the `Order`: handing an element of `orders` to a function copies the
    /// whole order (every string of its details retained), which showed in every look-up.
    func details(at orderIndex: Int) -> OrderDetails {
        var details = orders[orderIndex].details
        liveFields(at: orderIndex).apply(to: &details)
        return details
    }

    /// What `details(at:)` fills into the stored details of the order at `orderIndex`.
    func liveFields(at orderIndex: Int) -> LiveOrderFields {
        let location = orders[orderIndex].locationIndex
        let tagged = orders[orderIndex].identifierTags.compactMap { tag in identifiers.first { $0.tag == tag } }
        var stock: [LiveOrderFields.Stock?] = []
        if let items = orders[orderIndex].details.items {
            // By index: `map` would copy each item whole just to read its SKU.
            stock.reserveCapacity(items.count)
            for line in items.indices {
                if let index = items[line].sku.flatMap({ itemIndexBySKU[$0.lowercased()] }) {
                    stock.append(LiveOrderFields.Stock(level: levels[index][location], promised: inOrders[index][location]))
                } else {
                    stock.append(nil)
                }
            }
        }
        return LiveOrderFields(identifiers: tagged, stock: stock)
    }

    /// Indices in `orders` of the orders with these ids, in the ids' order; unknown ids (and,
    /// with `openOnly`, processed orders) left out.
    func orderIndices(ids: [String], openOnly: Bool) -> [Int] {
        ids.compactMap { text in
            guard let id = GUID.normalized(text), let index = orderIndexByID[id],
                  !openOnly || !orders[index].isProcessed else { return nil }
            return index
        }
    }

    /// The order at `index` in `orders` as an `OpenOrder` (the paged views' shape).
    func openOrder(at orderIndex: Int) -> OpenOrder {
        let details = details(at: orderIndex)
        var open = OpenOrder()
        open.orderNumber = details.orderNumber
        open.generalInfo = details.generalInfo
        open.shippingInfo = details.shippingInfo
        open.customerInfo = details.customerInfo
        open.totalsInfo = details.totalsInfo
        open.taxInfo = OrderTaxInfo(taxNumber: "")
        open.folderNames = details.folderNames
        open.isPostFilteredOut = false
        let canFulfil = (details.items ?? []).allSatisfy { ($0.level ?? 0) >= ($0.quantity ?? 0) }
        open.canFulfil = canFulfil
        open.fulfilment = OrderFulfillmentState(fulfilmentState: canFulfil ? "Sufficient_Stock" : "Insufficient_Stock",
                                                purchaseOrderState: nil)
        open.items = details.items
        open.hasItems = !(details.items ?? []).isEmpty
        open.totalItemsSum = (details.items ?? []).reduce(0) { $0 + ($1.quantity ?? 0) }
        open.orderID = details.orderID
        return open
    }

    /// The "empty class" `GetOrderDetailsByNumOrderId` answers when there is no such order.
    static func emptyOrderDetails() -> OrderDetails {
        var details = OrderDetails()
        details.orderID = GUID.zero
        details.orderNumber = 0
        details.isProcessed = false
        details.processedDate = "0001-01-01T00:00:00Z"
        details.fulfilmentLocationID = GUID.zero
        details.paidDate = "0001-01-01T00:00:00Z"
        details.extendedProperties = []
        details.folderNames = []
        details.items = []
        details.notes = []
        return details
    }
}
