import Linnworks

/// Order and stock models with every field set, drawn in turn from lists of texts, numbers, integers and flags.
///
/// Exists so the fast-path tests exercise every field of every model an order or stock answer holds, each
/// with a value its neighbours do not share (a writer that swaps two fields fails), and so awkward
/// values reach every kind of field. Lists hold `listLength` elements; items nest `depth` levels
/// of composite sub-items. A field added to a model and not here is still caught: the all-nil
/// comparisons list every key.
public struct ModelFiller {
    public var texts: [String]
    public var numbers: [Double]
    public var integers: [Int]
    public var listLength = 2
    private var counters = (text: 0, number: 0, integer: 0, flag: 0)

    public init(texts: [String], numbers: [Double], integers: [Int], listLength: Int = 2) {
        self.texts = texts
        self.numbers = numbers
        self.integers = integers
        self.listLength = listLength
    }

    /// Every field a different value (within each list's length), for catching swapped fields.
    public static var distinct: ModelFiller {
        ModelFiller(texts: (0..<97).map { "text \($0)" }, numbers: (0..<89).map { Double($0) + 0.25 },
                    integers: (0..<83).map { $0 * 3 + 1 })
    }

    public mutating func text() -> String {
        defer { counters.text += 1 }
        return texts[counters.text % texts.count]
    }

    public mutating func number() -> Double {
        defer { counters.number += 1 }
        return numbers[counters.number % numbers.count]
    }

    public mutating func integer() -> Int {
        defer { counters.integer += 1 }
        return integers[counters.integer % integers.count]
    }

    public mutating func flag() -> Bool {
        defer { counters.flag += 1 }
        return counters.flag % 3 == 1
    }

    public static func list<T>(_ count: Int, _ make: () -> T) -> [T] { (0..<count).map { _ in make() } }

    public mutating func details(depth: Int) -> OrderDetails {
        var value = OrderDetails()
        value.orderID = text()
        value.orderNumber = integer()
        value.isProcessed = flag()
        value.processedDate = text()
        value.fulfilmentLocationID = text()
        value.generalInfo = orderGeneralInfo()
        value.shippingInfo = orderShippingInfo()
        value.customerInfo = orderCustomerInfo()
        value.totalsInfo = orderTotalsInfo()
        value.extendedProperties = Self.list(listLength) { extendedProperty() }
        value.folderNames = Self.list(listLength) { text() }
        value.items = Self.list(listLength) { item(depth: depth) }
        value.notes = Self.list(listLength) { orderNote() }
        value.paidDate = text()
        value.taxID = text()
        return value
    }

    public mutating func orderGeneralInfo() -> OrderGeneralInfo {
        var value = OrderGeneralInfo()
        value.status = integer()
        value.labelPrinted = flag()
        value.labelError = text()
        value.invoicePrinted = flag()
        value.invoicePrintError = text()
        value.pickListPrinted = flag()
        value.pickListPrintError = text()
        value.isRuleRun = flag()
        value.noteCount = integer()
        value.isPartShipped = flag()
        value.marker = integer()
        value.isParked = flag()
        value.identifiers = Self.list(listLength) { identifier() }
        value.reference = text()
        value.secondaryReference = text()
        value.externalReference = text()
        value.receivedDate = text()
        value.source = text()
        value.subSource = text()
        value.siteCode = text()
        value.isOnHoldOrCancelled = flag()
        value.despatchByDate = text()
        value.scheduledDelivery = scheduledDelivery()
        value.hasScheduledDelivery = flag()
        value.locationID = text()
        value.itemCount = integer()
        value.pickwaveIDs = Self.list(listLength) { integer() }
        value.stockAllocationType = text()
        return value
    }

    public mutating func scheduledDelivery() -> ScheduledDelivery {
        var value = ScheduledDelivery()
        value.from = text()
        value.to = text()
        return value
    }

    public mutating func identifier() -> Identifier {
        var value = Identifier()
        value.identifierID = integer()
        value.name = text()
        value.tag = text()
        value.isCustom = flag()
        value.imageID = text()
        value.imageURL = text()
        return value
    }

    public mutating func orderShippingInfo() -> OrderShippingInfo {
        var value = OrderShippingInfo()
        value.vendor = text()
        value.postalServiceID = text()
        value.postalServiceName = text()
        value.totalWeight = number()
        value.itemWeight = number()
        value.packageCategoryID = text()
        value.packageCategory = text()
        value.packageTypeID = text()
        value.packageType = text()
        value.postageCost = number()
        value.postageCostExTax = number()
        value.trackingNumber = text()
        value.isManualAdjust = flag()
        return value
    }

    public mutating func orderCustomerInfo() -> OrderCustomerInfo {
        var value = OrderCustomerInfo()
        value.channelBuyerName = text()
        value.address = customerAddress()
        value.billingAddress = customerAddress()
        return value
    }

    public mutating func customerAddress() -> CustomerAddress {
        var value = CustomerAddress()
        value.email = text()
        value.address1 = text()
        value.address2 = text()
        value.address3 = text()
        value.town = text()
        value.region = text()
        value.postCode = text()
        value.country = text()
        value.continent = text()
        value.fullName = text()
        value.company = text()
        value.phoneNumber = text()
        value.countryID = text()
        return value
    }

    public mutating func orderTotalsInfo() -> OrderTotalsInfo {
        var value = OrderTotalsInfo()
        value.subtotal = number()
        value.postageCost = number()
        value.postageCostExTax = number()
        value.tax = number()
        value.totalCharge = number()
        value.paymentMethod = text()
        value.paymentMethodID = text()
        value.profitMargin = number()
        value.totalDiscount = number()
        value.currency = text()
        value.countryTaxRate = number()
        value.conversionRate = number()
        return value
    }

    public mutating func extendedProperty() -> ExtendedProperty {
        var value = ExtendedProperty()
        value.rowID = text()
        value.name = text()
        value.value = text()
        value.type = text()
        return value
    }

    public mutating func orderNote() -> OrderNote {
        var value = OrderNote()
        value.noteID = text()
        value.orderID = text()
        value.noteDate = text()
        value.isInternal = flag()
        value.note = text()
        value.createdBy = text()
        value.noteTypeID = integer()
        return value
    }

    public mutating func item(depth: Int) -> OrderItem {
        var value = OrderItem()
        value.itemID = text()
        value.itemNumber = text()
        value.sku = text()
        value.itemSource = text()
        value.title = text()
        value.quantity = integer()
        value.categoryName = text()
        value.compositeAvailability = integer()
        value.stockLevelsSpecified = flag()
        value.onOrder = integer()
        value.onPurchaseOrder = orderItemOnOrder()
        value.inOrderBook = integer()
        value.level = integer()
        value.minimumLevel = integer()
        value.availableStock = integer()
        value.pricePerUnit = number()
        value.unitCost = number()
        value.despatchStockUnitCost = number()
        value.discount = number()
        value.tax = number()
        value.taxRate = number()
        value.cost = number()
        value.costIncludingTax = number()
        value.compositeSubItems = depth > 0 ? Self.list(listLength) { item(depth: depth - 1) } : []
        value.isService = flag()
        value.salesTax = number()
        value.isTaxCostInclusive = flag()
        value.isPartShipped = flag()
        value.weight = number()
        value.barcode = text()
        value.market = integer()
        value.channelSKU = text()
        value.channelTitle = text()
        value.discountValue = number()
        value.hasImage = flag()
        value.imageID = text()
        value.additionalInfo = Self.list(listLength) { orderItemOption() }
        value.stockLevelIndicator = integer()
        value.shippingCost = number()
        value.partShippedQuantity = integer()
        value.itemName = text()
        value.batchNumberScanRequired = flag()
        value.serialNumberScanRequired = flag()
        value.binRack = text()
        value.binRacks = Self.list(listLength) { orderItemBinRack() }
        value.inventoryTrackingType = integer()
        value.isBatchedStockItem = flag()
        value.isWarehouseManaged = flag()
        value.isUnlinked = flag()
        value.stockItemIntID = integer()
        value.boxes = Self.list(listLength) { stockItemBoxConfiguration() }
        value.addedDate = text()
        value.rowID = text()
        value.orderID = text()
        value.stockItemID = text()
        return value
    }

    public mutating func orderItemOnOrder() -> OrderItemOnOrder {
        var value = OrderItemOnOrder()
        value.purchaseItemID = text()
        value.rowID = text()
        value.purchaseID = text()
        value.externalInvoiceNumber = text()
        value.supplierID = text()
        value.dateOfDelivery = text()
        value.quotedDeliveryDate = text()
        value.supplierName = text()
        value.locationID = text()
        return value
    }

    public mutating func orderItemOption() -> OrderItemOption {
        var value = OrderItemOption()
        value.optionID = text()
        value.property = text()
        value.value = text()
        return value
    }

    public mutating func orderItemBinRack() -> OrderItemBinRack {
        var value = OrderItemBinRack()
        value.quantity = integer()
        value.binRack = text()
        value.location = text()
        value.batchID = integer()
        value.orderItemBatchID = integer()
        return value
    }

    public mutating func stockItemBoxConfiguration() -> StockItemBoxConfiguration {
        var value = StockItemBoxConfiguration()
        value.boxID = integer()
        value.stockItemIntID = integer()
        value.boxName = text()
        value.width = number()
        value.height = number()
        value.length = number()
        value.weight = number()
        value.valuePercentage = number()
        value.barcode = text()
        value.packagingTypeID = text()
        value.isDeleted = flag()
        return value
    }

    public mutating func openOrdersDetailsResponse(depth: Int) -> OpenOrdersDetailsResponse {
        var value = OpenOrdersDetailsResponse()
        value.orders = Self.list(listLength) { details(depth: depth) }
        return value
    }

    public mutating func openOrdersPage(depth: Int) -> OpenOrdersPage {
        var value = OpenOrdersPage()
        value.removedByPostFilter = integer()
        value.pageNumber = integer()
        value.entriesPerPage = integer()
        value.totalEntries = integer()
        value.totalPages = integer()
        value.orders = Self.list(listLength) { openOrder(depth: depth) }
        return value
    }

    public mutating func openOrder(depth: Int) -> OpenOrder {
        var value = OpenOrder()
        value.orderNumber = integer()
        value.generalInfo = orderGeneralInfo()
        value.shippingInfo = orderShippingInfo()
        value.customerInfo = orderCustomerInfo()
        value.totalsInfo = orderTotalsInfo()
        value.taxInfo = orderTaxInfo()
        value.folderNames = Self.list(listLength) { text() }
        value.isPostFilteredOut = flag()
        value.canFulfil = flag()
        value.fulfilment = orderFulfillmentState()
        value.items = Self.list(listLength) { item(depth: depth) }
        value.hasItems = flag()
        value.totalItemsSum = integer()
        value.orderID = text()
        return value
    }

    public mutating func orderTaxInfo() -> OrderTaxInfo {
        var value = OrderTaxInfo()
        value.taxNumber = text()
        return value
    }

    public mutating func orderFulfillmentState() -> OrderFulfillmentState {
        var value = OrderFulfillmentState()
        value.fulfilmentState = text()
        value.purchaseOrderState = text()
        return value
    }

    public mutating func assignResult() -> AssignResult {
        var value = AssignResult()
        value.changed = Self.list(listLength) { text() }
        value.notChanged = Self.list(listLength) { text() }
        return value
    }

    public mutating func stockItemFull() -> StockItemFull {
        var value = StockItemFull()
        value.suppliers = Self.list(listLength) { stockItemSupplierStat() }
        value.stockLevels = Self.list(listLength) { stockItemLevel() }
        value.channelDescriptions = Self.list(listLength) { stockItemDescription() }
        value.extendedProperties = Self.list(listLength) { stockItemExtendedProperty() }
        value.channelTitles = Self.list(listLength) { stockItemTitle() }
        value.channelPrices = Self.list(listLength) { stockItemPrice() }
        value.images = Self.list(listLength) { stockItemImage() }
        value.sku = text()
        value.title = text()
        value.barcode = text()
        value.metaData = text()
        value.isVariationParent = flag()
        value.isBatchedStockType = flag()
        value.purchasePrice = number()
        value.retailPrice = number()
        value.taxRate = number()
        value.postalServiceID = text()
        value.postalServiceName = text()
        value.categoryID = text()
        value.categoryName = text()
        value.packageGroupID = text()
        value.packageGroupName = text()
        value.height = number()
        value.width = number()
        value.depth = number()
        value.weight = number()
        value.creationDate = text()
        value.inventoryTrackingType = integer()
        value.batchNumberScanRequired = flag()
        value.serialNumberScanRequired = flag()
        value.stockItemID = text()
        value.stockItemIntID = integer()
        return value
    }

    public mutating func stockItemSupplierStat() -> StockItemSupplierStat {
        var value = StockItemSupplierStat()
        value.isDefault = flag()
        value.supplier = text()
        value.supplierID = text()
        value.code = text()
        value.supplierBarcode = text()
        value.leadTime = integer()
        value.purchasePrice = number()
        value.minPrice = number()
        value.maxPrice = number()
        value.averagePrice = number()
        value.averageLeadTime = number()
        value.supplierMinOrderQty = integer()
        value.supplierPackSize = integer()
        value.supplierCurrency = text()
        value.stockItemID = text()
        value.stockItemIntID = integer()
        return value
    }

    public mutating func stockItemDescription() -> StockItemDescription {
        var value = StockItemDescription()
        value.rowID = text()
        value.source = text()
        value.subSource = text()
        value.description = text()
        value.stockItemID = text()
        value.stockItemIntID = integer()
        return value
    }

    public mutating func stockItemExtendedProperty() -> StockItemExtendedProperty {
        var value = StockItemExtendedProperty()
        value.rowID = text()
        value.stockItemID = text()
        value.name = text()
        value.value = text()
        value.type = text()
        return value
    }

    public mutating func stockItemTitle() -> StockItemTitle {
        var value = StockItemTitle()
        value.rowID = text()
        value.source = text()
        value.subSource = text()
        value.title = text()
        value.stockItemID = text()
        value.stockItemIntID = integer()
        return value
    }

    public mutating func stockItemPrice() -> StockItemPrice {
        var value = StockItemPrice()
        value.rules = Self.list(listLength) { stockItemPricingRule() }
        value.rowID = text()
        value.source = text()
        value.subSource = text()
        value.price = number()
        value.tag = text()
        value.updateStatus = text()
        value.stockItemID = text()
        value.stockItemIntID = integer()
        return value
    }

    public mutating func stockItemPricingRule() -> StockItemPricingRule {
        var value = StockItemPricingRule()
        value.rowID = integer()
        value.priceID = text()
        value.type = text()
        value.lowerBound = integer()
        value.value = number()
        return value
    }

    public mutating func stockItemImage() -> StockItemImage {
        var value = StockItemImage()
        value.source = text()
        value.fullSource = text()
        value.checkSumValue = text()
        value.rowID = text()
        value.isMain = flag()
        value.sortOrder = integer()
        value.checksumValue = text()
        value.rawChecksum = text()
        value.stockItemID = text()
        value.stockItemIntID = integer()
        return value
    }

    public mutating func stockItemLevel() -> StockItemLevel {
        var value = StockItemLevel()
        value.location = inventoryStockLocation()
        value.stockLevel = integer()
        value.stockValue = number()
        value.minimumLevel = integer()
        value.inOrderBook = integer()
        value.due = integer()
        value.isJustInTime = flag()
        value.inOrders = integer()
        value.available = integer()
        value.unitCost = number()
        value.sku = text()
        value.autoAdjust = flag()
        value.lastUpdateDate = text()
        value.lastUpdateOperation = text()
        value.rowID = text()
        value.pendingUpdate = flag()
        value.purchasePrice = number()
        value.stockItemID = text()
        value.stockItemIntID = integer()
        return value
    }

    public mutating func inventoryStockLocation() -> InventoryStockLocation {
        var value = InventoryStockLocation()
        value.stockLocationID = text()
        value.stockLocationIntID = integer()
        value.locationName = text()
        value.locationTag = text()
        value.isFulfilmentCentre = flag()
        value.isWarehouseManaged = flag()
        value.binRack = text()
        return value
    }
}
