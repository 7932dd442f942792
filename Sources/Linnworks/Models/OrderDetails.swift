/// Everything about one order (`OrderDetails`), open or processed.
///
/// Exists because it is what every order look-up answers with: the shipment feed finds the
/// order's id, postal service and state here; the export reads address and items from it.
/// A look-up that finds nothing answers an "empty class" whose `OrderId` is all zeros.
public struct OrderDetails: Codable, Sendable, Equatable {
    public var orderID: String?
    public var orderNumber: Int?
    public var isProcessed: Bool?
    public var processedDate: String?
    public var fulfilmentLocationID: String?
    public var generalInfo: OrderGeneralInfo?
    public var shippingInfo: OrderShippingInfo?
    public var customerInfo: OrderCustomerInfo?
    public var totalsInfo: OrderTotalsInfo?
    public var extendedProperties: [ExtendedProperty]?
    public var folderNames: [String]?
    public var items: [OrderItem]?
    public var notes: [OrderNote]?
    public var paidDate: String?
    public var taxID: String?

    public init() {}

    enum CodingKeys: String, CodingKey, CaseIterable {
        case orderID = "OrderId", orderNumber = "NumOrderId", isProcessed = "Processed"
        case processedDate = "ProcessedDateTime", fulfilmentLocationID = "FulfilmentLocationId"
        case generalInfo = "GeneralInfo", shippingInfo = "ShippingInfo", customerInfo = "CustomerInfo"
        case totalsInfo = "TotalsInfo", extendedProperties = "ExtendedProperties", folderNames = "FolderName"
        case items = "Items", notes = "Notes", paidDate = "PaidDateTime", taxID = "TaxId"
    }

    /// True for the "empty class" Linnworks returns when a look-up found no order.
    public var isEmptyResult: Bool {
        guard let orderID else { return true }
        return orderID.allSatisfy { $0 == "0" || $0 == "-" }
    }
}

/// An order's references, source, location, flags and identifiers (`OrderGeneralInfo`).
public struct OrderGeneralInfo: Codable, Sendable, Equatable {
    /// 0 unpaid, 1 paid, 2 return, 3 pending, 4 resend.
    public var status: Int?
    public var labelPrinted: Bool?
    public var labelError: String?
    public var invoicePrinted: Bool?
    public var invoicePrintError: String?
    public var pickListPrinted: Bool?
    public var pickListPrintError: String?
    public var isRuleRun: Bool?
    public var noteCount: Int?
    public var isPartShipped: Bool?
    /// 0 none, 1–6 coloured tags, 7 parked.
    public var marker: Int?
    public var isParked: Bool?
    public var identifiers: [Identifier]?
    public var reference: String?
    public var secondaryReference: String?
    public var externalReference: String?
    public var receivedDate: String?
    public var source: String?
    public var subSource: String?
    public var siteCode: String?
    public var isOnHoldOrCancelled: Bool?
    public var despatchByDate: String?
    public var scheduledDelivery: ScheduledDelivery?
    public var hasScheduledDelivery: Bool?
    public var locationID: String?
    public var itemCount: Int?
    public var pickwaveIDs: [Int]?
    public var stockAllocationType: String?

    public init() {}

    enum CodingKeys: String, CodingKey, CaseIterable {
        case status = "Status", labelPrinted = "LabelPrinted", labelError = "LabelError"
        case invoicePrinted = "InvoicePrinted", invoicePrintError = "InvoicePrintError"
        case pickListPrinted = "PickListPrinted", pickListPrintError = "PickListPrintError"
        case isRuleRun = "IsRuleRun", noteCount = "Notes", isPartShipped = "PartShipped", marker = "Marker"
        case isParked = "IsParked", identifiers = "Identifiers", reference = "ReferenceNum"
        case secondaryReference = "SecondaryReference", externalReference = "ExternalReferenceNum"
        case receivedDate = "ReceivedDate", source = "Source", subSource = "SubSource", siteCode = "SiteCode"
        case isOnHoldOrCancelled = "HoldOrCancel", despatchByDate = "DespatchByDate"
        case scheduledDelivery = "ScheduledDelivery", hasScheduledDelivery = "HasScheduledDelivery"
        case locationID = "Location", itemCount = "NumItems", pickwaveIDs = "PickwaveIds"
        case stockAllocationType = "StockAllocationType"
    }
}

/// A delivery window the customer booked.
public struct ScheduledDelivery: Codable, Sendable, Equatable {
    public var from: String?
    public var to: String?

    public init(from: String? = nil, to: String? = nil) {
        self.from = from
        self.to = to
    }

    enum CodingKeys: String, CodingKey, CaseIterable { case from = "From", to = "To" }
}

/// A free-form property of an order.
public struct ExtendedProperty: Codable, Sendable, Equatable {
    public var rowID: String?
    public var name: String?
    public var value: String?
    public var type: String?

    public init() {}

    enum CodingKeys: String, CodingKey, CaseIterable { case rowID = "RowId", name = "Name", value = "Value", type = "Type" }
}

/// A note on an order.
public struct OrderNote: Codable, Sendable, Equatable {
    public var noteID: String?
    public var orderID: String?
    public var noteDate: String?
    public var isInternal: Bool?
    public var note: String?
    public var createdBy: String?
    public var noteTypeID: Int?

    public init() {}

    enum CodingKeys: String, CodingKey, CaseIterable {
        case noteID = "OrderNoteId", orderID = "OrderId", noteDate = "NoteDate", isInternal = "Internal"
        case note = "Note", createdBy = "CreatedBy", noteTypeID = "NoteTypeId"
    }
}

/// Who bought and where it goes (`OrderCustomerInfo`).
public struct OrderCustomerInfo: Codable, Sendable, Equatable {
    public var channelBuyerName: String?
    public var address: CustomerAddress?
    public var billingAddress: CustomerAddress?

    public init(channelBuyerName: String? = nil, address: CustomerAddress? = nil,
                billingAddress: CustomerAddress? = nil) {
        self.channelBuyerName = channelBuyerName
        self.address = address
        self.billingAddress = billingAddress
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case channelBuyerName = "ChannelBuyerName", address = "Address", billingAddress = "BillingAddress"
    }
}

/// A delivery or billing address; `Country` is the country's name.
public struct CustomerAddress: Codable, Sendable, Equatable {
    public var email: String?
    public var address1: String?
    public var address2: String?
    public var address3: String?
    public var town: String?
    public var region: String?
    public var postCode: String?
    public var country: String?
    public var continent: String?
    public var fullName: String?
    public var company: String?
    public var phoneNumber: String?
    public var countryID: String?

    public init() {}

    enum CodingKeys: String, CodingKey, CaseIterable {
        case email = "EmailAddress", address1 = "Address1", address2 = "Address2", address3 = "Address3"
        case town = "Town", region = "Region", postCode = "PostCode", country = "Country"
        case continent = "Continent", fullName = "FullName", company = "Company"
        case phoneNumber = "PhoneNumber", countryID = "CountryId"
    }
}
