/// An open order as the paged open-order views list it (`OpenOrder`).
///
/// Exists because paged listings answer with this shape rather than `OrderDetails`;
/// it has no `FulfilmentLocationId`, so `GeneralInfo.Location` is where it sits.
public struct OpenOrder: Codable, Sendable, Equatable {
    public var orderNumber: Int?
    public var generalInfo: OrderGeneralInfo?
    public var shippingInfo: OrderShippingInfo?
    public var customerInfo: OrderCustomerInfo?
    public var totalsInfo: OrderTotalsInfo?
    public var taxInfo: OrderTaxInfo?
    public var folderNames: [String]?
    public var isPostFilteredOut: Bool?
    public var canFulfil: Bool?
    public var fulfilment: OrderFulfillmentState?
    public var items: [OrderItem]?
    public var hasItems: Bool?
    public var totalItemsSum: Int?
    public var orderID: String?

    public init() {}

    enum CodingKeys: String, CodingKey {
        case orderNumber = "NumOrderId", generalInfo = "GeneralInfo", shippingInfo = "ShippingInfo"
        case customerInfo = "CustomerInfo", totalsInfo = "TotalsInfo", taxInfo = "TaxInfo"
        case folderNames = "FolderName", isPostFilteredOut = "IsPostFilteredOut", canFulfil = "CanFulfil"
        case fulfilment = "Fulfillment", items = "Items", hasItems = "HasItems"
        case totalItemsSum = "TotalItemsSum", orderID = "OrderId"
    }
}

/// The buyer's tax number.
public struct OrderTaxInfo: Codable, Sendable, Equatable {
    public var taxNumber: String?

    public init(taxNumber: String? = nil) { self.taxNumber = taxNumber }

    enum CodingKeys: String, CodingKey { case taxNumber = "TaxNumber" }
}

/// Whether stock (or a purchase order) covers the order.
public struct OrderFulfillmentState: Codable, Sendable, Equatable {
    public var fulfilmentState: String?
    public var purchaseOrderState: String?

    public init(fulfilmentState: String? = nil, purchaseOrderState: String? = nil) {
        self.fulfilmentState = fulfilmentState
        self.purchaseOrderState = purchaseOrderState
    }

    enum CodingKeys: String, CodingKey {
        case fulfilmentState = "FulfillmentState", purchaseOrderState = "PurchaseOrderState"
    }
}

/// One page of open orders from `OpenOrders/GetOpenOrders`.
public struct OpenOrdersPage: Codable, Sendable, Equatable {
    public var removedByPostFilter: Int?
    public var pageNumber: Int?
    public var entriesPerPage: Int?
    public var totalEntries: Int?
    public var totalPages: Int?
    public var orders: [OpenOrder]?

    public init() {}

    enum CodingKeys: String, CodingKey {
        case removedByPostFilter = "ResultCountRemovedByPostFilter", pageNumber = "PageNumber"
        case entriesPerPage = "EntriesPerPage", totalEntries = "TotalEntries", totalPages = "TotalPages"
        case orders = "Data"
    }
}

/// `OpenOrders/GetOpenOrders` request: a view of one location, one page at a time.
public struct OpenOrdersPageRequest: Codable, Sendable, Equatable {
    public var viewID: Int?
    public var locationID: String?
    public var entriesPerPage: Int?
    public var pageNumber: Int?
    public var orderIDs: [String]?

    public init(viewID: Int? = 0, locationID: String?, entriesPerPage: Int?, pageNumber: Int? = 1,
                orderIDs: [String]? = nil) {
        self.viewID = viewID
        self.locationID = locationID
        self.entriesPerPage = entriesPerPage
        self.pageNumber = pageNumber
        self.orderIDs = orderIDs
    }

    enum CodingKeys: String, CodingKey {
        case viewID = "ViewId", locationID = "LocationId", entriesPerPage = "EntriesPerPage"
        case pageNumber = "PageNumber", orderIDs = "OrderIds"
    }
}

/// `OpenOrders/GetOpenOrdersDetails` request: which open orders, in how much detail (empty = all).
public struct OpenOrdersDetailsRequest: Codable, Sendable, Equatable {
    public var orderIDs: [String]?
    public var detailLevel: [String]?

    public init(orderIDs: [String]?, detailLevel: [String]? = nil) {
        self.orderIDs = orderIDs
        self.detailLevel = detailLevel
    }

    enum CodingKeys: String, CodingKey { case orderIDs = "OrderIds", detailLevel = "DetailLevel" }
}

/// `OpenOrders/GetOpenOrdersDetails` answer.
public struct OpenOrdersDetailsResponse: Codable, Sendable, Equatable {
    public var orders: [OrderDetails]?

    public init(orders: [OrderDetails]? = nil) { self.orders = orders }

    enum CodingKeys: String, CodingKey { case orders = "Orders" }
}
