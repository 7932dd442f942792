import CSV
import Linnworks

/// One column of the open-order export, named as the warehouse reads it.
///
/// Exists so the column set and order can be configured (`exports.openOrderColumns`) by the
/// names that appear in the header, and so each column says whether it is text (formula-guarded)
/// or a number (written as is, so a quantity of `-5` stays a number).
///
/// Composite items: each order line is exported as sold, one row per line with the SKU the
/// channel sold; composite sub-items are not expanded, because the 3PL is sent the same SKUs
/// the stock feed and Linnworks' order lines use. An order with no lines still gets one row
/// (item columns empty) so it is never silently tagged without being seen.
public enum OpenOrderColumn: String, Sendable, CaseIterable {
    case orderID = "Order Id"
    case orderNumber = "Order Number"
    case reference = "Reference"
    case secondaryReference = "Secondary Reference"
    case externalReference = "External Reference"
    case source = "Source"
    case subSource = "Sub Source"
    case receivedDate = "Received Date"
    case despatchByDate = "Despatch By Date"
    case postalService = "Postal Service"
    case customerName = "Customer Name"
    case company = "Company"
    case address1 = "Address 1"
    case address2 = "Address 2"
    case address3 = "Address 3"
    case town = "Town"
    case region = "Region"
    case postCode = "Post Code"
    case country = "Country"
    case phone = "Phone"
    case email = "Email"
    case sku = "SKU"
    case title = "Title"
    case quantity = "Quantity"
    case unitPrice = "Unit Price"
    case currency = "Currency"

    /// The built-in column set: every column, in the order Documentation/Product.md lists them.
    public static let standard = allCases

    /// The column a configured name means: spaces, `_`, `-` and case are ignored ("post_code", "PostCode").
    init?(configuredName: String) {
        let key = Self.key(configuredName)
        guard let match = Self.allCases.first(where: { Self.key($0.rawValue) == key }) else { return nil }
        self = match
    }

    /// Resolves configured names; the error names the first unknown one.
    static func columns(named names: [String]?) throws(BridgeError) -> [OpenOrderColumn] {
        guard let names else { return standard }
        var columns: [OpenOrderColumn] = []
        for name in names {
            guard let column = OpenOrderColumn(configuredName: name) else {
                let known = allCases.map(\.rawValue).joined(separator: ", ")
                throw .configuration("exports.openOrderColumns: unknown column \"\(name)\" (known: \(known))")
            }
            columns.append(column)
        }
        if columns.isEmpty { throw .configuration("exports.openOrderColumns: no columns") }
        return columns
    }

    private static func key(_ name: String) -> String {
        String(name.lowercased().filter { $0 != " " && $0 != "_" && $0 != "-" })
    }

    /// This column's cell for one line of one order (`item` nil for an order without lines).
    public func cell(_ order: OrderDetails, _ item: OrderItem?) -> CSVCell {
        let general = order.generalInfo
        let address = order.customerInfo?.address
        switch self {
        case .orderID: return .text(order.orderID ?? "")
        case .orderNumber: return .number(order.orderNumber.map(String.init) ?? "")
        case .reference: return .text(general?.reference ?? "")
        case .secondaryReference: return .text(general?.secondaryReference ?? "")
        case .externalReference: return .text(general?.externalReference ?? "")
        case .source: return .text(general?.source ?? "")
        case .subSource: return .text(general?.subSource ?? "")
        case .receivedDate: return .text(general?.receivedDate ?? "")
        case .despatchByDate: return .text(general?.despatchByDate ?? "")
        case .postalService: return .text(order.shippingInfo?.postalServiceName ?? "")
        case .customerName: return .text(address?.fullName ?? order.customerInfo?.channelBuyerName ?? "")
        case .company: return .text(address?.company ?? "")
        case .address1: return .text(address?.address1 ?? "")
        case .address2: return .text(address?.address2 ?? "")
        case .address3: return .text(address?.address3 ?? "")
        case .town: return .text(address?.town ?? "")
        case .region: return .text(address?.region ?? "")
        case .postCode: return .text(address?.postCode ?? "")
        case .country: return .text(address?.country ?? "")
        case .phone: return .text(address?.phoneNumber ?? "")
        case .email: return .text(address?.email ?? "")
        case .sku: return .text(item?.sku ?? "")
        case .title: return .text(item?.title ?? "")
        case .quantity: return .number(item?.quantity.map(String.init) ?? "")
        case .unitPrice: return .number(item?.pricePerUnit.map(Self.price) ?? "")
        case .currency: return .text(order.totalsInfo?.currency ?? "")
        }
    }

    /// A price with at least two decimals and at most four, no grouping, `.` as the point,
    /// whatever the machine's locale: "2.85", "12.00", "3.3333".
    static func price(_ value: Double) -> String {
        guard value.isFinite else { return "" }
        let scaled = (value * 10_000).rounded()
        let negative = scaled < 0
        let magnitude = Int64(abs(scaled))
        var fraction = String(magnitude % 10_000)
        fraction = String(repeating: "0", count: 4 - fraction.count) + fraction
        while fraction.count > 2 && fraction.hasSuffix("0") { fraction.removeLast() }
        return (negative ? "-" : "") + String(magnitude / 10_000) + "." + fraction
    }
}
