import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
@testable import Linnworks
import Sandbox

/// An order with every property of every nested model set to a value of its own, so a reader
/// that forgets or swaps a field cannot produce an equal order.
struct FullOrder {
    private var counter = 0
    private var number: Int

    static func make(number: Int = 1) -> OrderDetails {
        var maker = FullOrder(number: number)
        return maker.orderDetails()
    }

    private init(number: Int) { self.number = number }

    private mutating func next() -> Int {
        counter += 1
        return counter * 1_000 + number
    }

    private mutating func flag() -> Bool {
        counter += 1
        return counter % 2 == 0
    }

    private mutating func text(_ name: String) -> String { "\(name) \(next()) \"é\"\n" }

    private mutating func orderDetails() -> OrderDetails {
        var value = OrderDetails()
        value.orderID = text("orderID")
        value.orderNumber = next()
        value.isProcessed = flag()
        value.processedDate = text("processedDate")
        value.fulfilmentLocationID = text("fulfilmentLocationID")
        value.generalInfo = orderGeneralInfo()
        value.shippingInfo = orderShippingInfo()
        value.customerInfo = orderCustomerInfo()
        value.totalsInfo = orderTotalsInfo()
        value.extendedProperties = [extendedProperty()]
        value.folderNames = [text("folderNames.0"), text("folderNames.1")]
        value.items = [orderItem(), orderItem()]
        value.notes = [orderNote()]
        value.paidDate = text("paidDate")
        value.taxID = text("taxID")
        return value
    }

    private mutating func orderGeneralInfo() -> OrderGeneralInfo {
        var value = OrderGeneralInfo()
        value.status = next()
        value.labelPrinted = flag()
        value.labelError = text("labelError")
        value.invoicePrinted = flag()
        value.invoicePrintError = text("invoicePrintError")
        value.pickListPrinted = flag()
        value.pickListPrintError = text("pickListPrintError")
        value.isRuleRun = flag()
        value.noteCount = next()
        value.isPartShipped = flag()
        value.marker = next()
        value.isParked = flag()
        value.identifiers = [identifier()]
        value.reference = text("reference")
        value.secondaryReference = text("secondaryReference")
        value.externalReference = text("externalReference")
        value.receivedDate = text("receivedDate")
        value.source = text("source")
        value.subSource = text("subSource")
        value.siteCode = text("siteCode")
        value.isOnHoldOrCancelled = flag()
        value.despatchByDate = text("despatchByDate")
        value.scheduledDelivery = scheduledDelivery()
        value.hasScheduledDelivery = flag()
        value.locationID = text("locationID")
        value.itemCount = next()
        value.pickwaveIDs = [next(), next()]
        value.stockAllocationType = text("stockAllocationType")
        return value
    }

    private mutating func scheduledDelivery() -> ScheduledDelivery {
        var value = ScheduledDelivery()
        value.from = text("from")
        value.to = text("to")
        return value
    }

    private mutating func extendedProperty() -> ExtendedProperty {
        var value = ExtendedProperty()
        value.rowID = text("rowID")
        value.name = text("name")
        value.value = text("value")
        value.type = text("type")
        return value
    }

    private mutating func orderNote() -> OrderNote {
        var value = OrderNote()
        value.noteID = text("noteID")
        value.orderID = text("orderID")
        value.noteDate = text("noteDate")
        value.isInternal = flag()
        value.note = text("note")
        value.createdBy = text("createdBy")
        value.noteTypeID = next()
        return value
    }

    private mutating func orderCustomerInfo() -> OrderCustomerInfo {
        var value = OrderCustomerInfo()
        value.channelBuyerName = text("channelBuyerName")
        value.address = customerAddress()
        value.billingAddress = customerAddress()
        return value
    }

    private mutating func customerAddress() -> CustomerAddress {
        var value = CustomerAddress()
        value.email = text("email")
        value.address1 = text("address1")
        value.address2 = text("address2")
        value.address3 = text("address3")
        value.town = text("town")
        value.region = text("region")
        value.postCode = text("postCode")
        value.country = text("country")
        value.continent = text("continent")
        value.fullName = text("fullName")
        value.company = text("company")
        value.phoneNumber = text("phoneNumber")
        value.countryID = text("countryID")
        return value
    }

    private mutating func orderShippingInfo() -> OrderShippingInfo {
        var value = OrderShippingInfo()
        value.vendor = text("vendor")
        value.postalServiceID = text("postalServiceID")
        value.postalServiceName = text("postalServiceName")
        value.totalWeight = Double(next()) + 0.25
        value.itemWeight = Double(next()) + 0.25
        value.packageCategoryID = text("packageCategoryID")
        value.packageCategory = text("packageCategory")
        value.packageTypeID = text("packageTypeID")
        value.packageType = text("packageType")
        value.postageCost = Double(next()) + 0.25
        value.postageCostExTax = Double(next()) + 0.25
        value.trackingNumber = text("trackingNumber")
        value.isManualAdjust = flag()
        return value
    }

    private mutating func orderTotalsInfo() -> OrderTotalsInfo {
        var value = OrderTotalsInfo()
        value.subtotal = Double(next()) + 0.25
        value.postageCost = Double(next()) + 0.25
        value.postageCostExTax = Double(next()) + 0.25
        value.tax = Double(next()) + 0.25
        value.totalCharge = Double(next()) + 0.25
        value.paymentMethod = text("paymentMethod")
        value.paymentMethodID = text("paymentMethodID")
        value.profitMargin = Double(next()) + 0.25
        value.totalDiscount = Double(next()) + 0.25
        value.currency = text("currency")
        value.countryTaxRate = Double(next()) + 0.25
        value.conversionRate = Double(next()) + 0.25
        return value
    }

    private mutating func identifier() -> Identifier {
        var value = Identifier()
        value.identifierID = next()
        value.name = text("name")
        value.tag = text("tag")
        value.isCustom = flag()
        value.imageID = text("imageID")
        value.imageURL = text("imageURL")
        return value
    }

    private mutating func orderItem(depth: Int = 0) -> OrderItem {
        var value = OrderItem()
        value.itemID = text("itemID")
        value.itemNumber = text("itemNumber")
        value.sku = text("sku")
        value.itemSource = text("itemSource")
        value.title = text("title")
        value.quantity = next()
        value.categoryName = text("categoryName")
        value.compositeAvailability = next()
        value.stockLevelsSpecified = flag()
        value.onOrder = next()
        value.onPurchaseOrder = orderItemOnOrder()
        value.inOrderBook = next()
        value.level = next()
        value.minimumLevel = next()
        value.availableStock = next()
        value.pricePerUnit = Double(next()) + 0.25
        value.unitCost = Double(next()) + 0.25
        value.despatchStockUnitCost = Double(next()) + 0.25
        value.discount = Double(next()) + 0.25
        value.tax = Double(next()) + 0.25
        value.taxRate = Double(next()) + 0.25
        value.cost = Double(next()) + 0.25
        value.costIncludingTax = Double(next()) + 0.25
        value.compositeSubItems = depth == 0 ? [orderItem(depth: 1)] : []
        value.isService = flag()
        value.salesTax = Double(next()) + 0.25
        value.isTaxCostInclusive = flag()
        value.isPartShipped = flag()
        value.weight = Double(next()) + 0.25
        value.barcode = text("barcode")
        value.market = next()
        value.channelSKU = text("channelSKU")
        value.channelTitle = text("channelTitle")
        value.discountValue = Double(next()) + 0.25
        value.hasImage = flag()
        value.imageID = text("imageID")
        value.additionalInfo = [orderItemOption()]
        value.stockLevelIndicator = next()
        value.shippingCost = Double(next()) + 0.25
        value.partShippedQuantity = next()
        value.itemName = text("itemName")
        value.batchNumberScanRequired = flag()
        value.serialNumberScanRequired = flag()
        value.binRack = text("binRack")
        value.binRacks = [orderItemBinRack()]
        value.inventoryTrackingType = next()
        value.isBatchedStockItem = flag()
        value.isWarehouseManaged = flag()
        value.isUnlinked = flag()
        value.stockItemIntID = next()
        value.boxes = [stockItemBoxConfiguration()]
        value.addedDate = text("addedDate")
        value.rowID = text("rowID")
        value.orderID = text("orderID")
        value.stockItemID = text("stockItemID")
        return value
    }

    private mutating func orderItemOnOrder() -> OrderItemOnOrder {
        var value = OrderItemOnOrder()
        value.purchaseItemID = text("purchaseItemID")
        value.rowID = text("rowID")
        value.purchaseID = text("purchaseID")
        value.externalInvoiceNumber = text("externalInvoiceNumber")
        value.supplierID = text("supplierID")
        value.dateOfDelivery = text("dateOfDelivery")
        value.quotedDeliveryDate = text("quotedDeliveryDate")
        value.supplierName = text("supplierName")
        value.locationID = text("locationID")
        return value
    }

    private mutating func orderItemOption() -> OrderItemOption {
        var value = OrderItemOption()
        value.optionID = text("optionID")
        value.property = text("property")
        value.value = text("value")
        return value
    }

    private mutating func orderItemBinRack() -> OrderItemBinRack {
        var value = OrderItemBinRack()
        value.quantity = next()
        value.binRack = text("binRack")
        value.location = text("location")
        value.batchID = next()
        value.orderItemBatchID = next()
        return value
    }

    private mutating func stockItemBoxConfiguration() -> StockItemBoxConfiguration {
        var value = StockItemBoxConfiguration()
        value.boxID = next()
        value.stockItemIntID = next()
        value.boxName = text("boxName")
        value.width = Double(next()) + 0.25
        value.height = Double(next()) + 0.25
        value.length = Double(next()) + 0.25
        value.weight = Double(next()) + 0.25
        value.valuePercentage = Double(next()) + 0.25
        value.barcode = text("barcode")
        value.packagingTypeID = text("packagingTypeID")
        value.isDeleted = flag()
        return value
    }
}

/// A small seeded generator (SplitMix64), so a failing case can be replayed.
struct SplitMix {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }

    mutating func digits(_ count: Int, leadingNonZero: Bool) -> String {
        (0..<count).map { index in
            String(index == 0 && leadingNonZero ? 1 + below(9) : below(10))
        }.joined()
    }

    /// A JSON number of any shape: long mantissas, fractions, exponents near the edges.
    mutating func numberLiteral() -> String {
        var text = below(3) == 0 ? "-" : ""
        text += below(4) == 0 ? "0" : digits(1 + below(below(4) == 0 ? 25 : 8), leadingNonZero: true)
        if below(2) == 0 { text += "." + digits(1 + below(below(4) == 0 ? 25 : 6), leadingNonZero: false) }
        if below(3) == 0 {
            text += ["e", "E"][below(2)] + ["", "+", "-"][below(3)]
            text += String(below(4) == 0 ? below(400) : below(30))
        }
        return text
    }

    mutating func intLiteral() -> String {
        switch below(6) {
        case 0: return "-0"
        case 1: return String(Int64(bitPattern: next()))
        case 2: return "9223372036854775808"
        case 3: return "1.0"
        default: return String(below(1_000_000))
        }
    }

    private static let values = ["null", "true", "false", "0", "-1.5e3", "\"x\"", "[]", "{}", "1.0", "\"\\u00e9\"",
                                 "12345678901234567890", "[null]", "[\"a\",1]", "{\"Tag\":1}"]
    private static let bytes = Array("\"\\,:{}[]0-.e n".utf8) + [0xFF, 0xC3, 0x01, 0x41]

    /// One random change: a byte, some whitespace, a swapped value, a copied slice or a renamed key.
    mutating func mangle(_ bytes: inout [UInt8]) {
        let at = below(bytes.count)
        switch below(7) {
        case 0: bytes.remove(at: at)
        case 1: bytes.insert(Self.bytes[below(Self.bytes.count)], at: at)
        case 2: bytes[at] = Self.bytes[below(Self.bytes.count)]
        case 3:
            if let colon = bytes[at...].firstIndex(of: UInt8(ascii: ":")) {
                bytes.insert(contentsOf: [0x20, 0x0A, 0x09, 0x0D][below(4)...], at: colon + 1)
            }
        case 4:
            guard let colon = bytes[at...].firstIndex(of: UInt8(ascii: ":")) else { return }
            let start = colon + 1
            guard start < bytes.count, bytes[start] != UInt8(ascii: "{"), bytes[start] != UInt8(ascii: "[") else { return }
            var end = start
            if bytes[start] == UInt8(ascii: "\"") {
                end += 1
                while end < bytes.count, bytes[end] != UInt8(ascii: "\"") { end += bytes[end] == UInt8(ascii: "\\") ? 2 : 1 }
                end = min(end + 1, bytes.count)
            } else {
                while end < bytes.count, !",}]".utf8.contains(bytes[end]) { end += 1 }
            }
            bytes.replaceSubrange(start..<end, with: Array(Self.values[below(Self.values.count)].utf8))
        case 5:
            // A member copied to another place: a duplicate key or an unknown-key shape.
            guard let comma = bytes[at...].firstIndex(of: UInt8(ascii: ",")),
                  let next = bytes[(comma + 1)...].firstIndex(of: UInt8(ascii: ",")) else { return }
            let member = Array(bytes[comma..<next])
            let target = below(bytes.count)
            bytes.insert(contentsOf: member, at: target)
        default:
            // A letter inside a key or string changed: unknown keys and changed texts.
            if let quote = bytes[at...].firstIndex(of: UInt8(ascii: "\"")), quote + 1 < bytes.count,
               bytes[quote + 1] >= UInt8(ascii: "A") {
                bytes[quote + 1] = UInt8(ascii: "a") + UInt8(below(26))
            }
        }
    }
}

/// The sandbox over plain HTTP, to see the bytes of an answer before any decoding.
struct RawSandbox {
    let base: String
    let token: String

    init(_ server: SandboxServer) async throws {
        base = server.baseURL
        let credentials = server.credentials()
        let form = [
            "ApplicationId": credentials.applicationID,
            "ApplicationSecret": credentials.applicationSecret.reveal { $0 },
            "Token": credentials.installationToken.reveal { $0 },
        ]
        let session = try await Self.post(base + "/api/Auth/AuthorizeByApplication", form: form, token: nil)
        let object = try JSONSerialization.jsonObject(with: session) as? [String: Any]
        token = object?["Token"] as? String ?? ""
    }

    func call(_ path: String, form: [String: String]) async throws -> Data {
        try await Self.post(base + "/api/" + path, form: form, token: token)
    }

    private static func post(_ url: String, form: [String: String], token: String?) async throws -> Data {
        var request = URLRequest(url: URL(string: url)!)
        request.httpMethod = "POST"
        request.setValue("application/x-www-form-urlencoded", forHTTPHeaderField: "Content-Type")
        if let token { request.setValue(token, forHTTPHeaderField: "Authorization") }
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        request.httpBody = Data(form.map { key, value in
            key + "=" + (value.addingPercentEncoding(withAllowedCharacters: allowed) ?? "")
        }.joined(separator: "&").utf8)
        let (data, _) = try await URLSession.shared.data(for: request)
        return data
    }
}
