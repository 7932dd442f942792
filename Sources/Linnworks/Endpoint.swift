/// A Linnworks API method the bridge or the sandbox knows, with its documented rate limit.
///
/// Exists so the client's pacing and the sandbox's throttling read the same table
/// (Documentation/LinnworksAPI.md §10) and cannot drift apart.
public enum Endpoint: String, CaseIterable, Sendable, Hashable, Codable {
    case authorizeByApplication = "Auth/AuthorizeByApplication"
    case getStockLocations = "Inventory/GetStockLocations"
    case setStockLevel = "Stock/SetStockLevel"
    case updateStockLevelsBySKU = "Stock/UpdateStockLevelsBySKU"
    case getStockItemsFull = "Stock/GetStockItemsFull"
    case getStockLevelBatch = "Stock/GetStockLevel_Batch"
    case setOrderShippingInfo = "Orders/SetOrderShippingInfo"
    case processOrdersInBatch = "Orders/ProcessOrdersInBatch"
    case getOpenOrderIDByOrderOrReferenceID = "Orders/GetOpenOrderIdByOrderOrReferenceId"
    case getOrderDetailsByNumOrderID = "Orders/GetOrderDetailsByNumOrderId"
    case getOrderDetailsByReferenceID = "Orders/GetOrderDetailsByReferenceId"
    case getAllOpenOrders = "Orders/GetAllOpenOrders"
    case getOrdersByID = "Orders/GetOrdersById"
    case getOpenOrdersPage = "OpenOrders/GetOpenOrders"
    case getOpenOrdersDetails = "OpenOrders/GetOpenOrdersDetails"
    case assignOrderIdentifier = "OpenOrders/AssignOrderIdentifier"
    case saveIdentifier = "OpenOrders/SaveIdentifier"
    case getIdentifiers = "OpenOrders/GetIdentifiers"
    case getPostalServices = "PostalServices/GetPostalServices"

    /// The path under the server's base URL, e.g. `/api/Stock/SetStockLevel`.
    public var path: String { "/api/" + rawValue }

    /// Calls allowed per minute, per session (Documentation/LinnworksAPI.md §10).
    public var callsPerMinute: Int {
        switch self {
        case .setStockLevel, .setOrderShippingInfo, .processOrdersInBatch, .getOrderDetailsByNumOrderID,
             .getOrderDetailsByReferenceID, .getAllOpenOrders, .getOrdersByID, .assignOrderIdentifier,
             .getStockLevelBatch:
            return 250
        default:
            return 150
        }
    }

    /// Whether the method takes one `request` object (sent flat as JSON, or as the form field
    /// `request=<json>`) rather than one parameter per field.
    public var takesRequestObject: Bool {
        switch self {
        case .authorizeByApplication, .getOpenOrdersPage, .getOpenOrdersDetails, .assignOrderIdentifier,
             .saveIdentifier, .getStockLevelBatch:
            return true
        default:
            return false
        }
    }

    /// Whether the published spec says GET with query parameters (the others are POSTed as forms).
    public var usesGET: Bool {
        switch self {
        case .getStockLocations, .getOrderDetailsByNumOrderID, .getOrderDetailsByReferenceID, .getIdentifiers,
             .getPostalServices:
            return true
        default:
            return false
        }
    }

    /// Whether sending the call twice could change Linnworks twice; such calls are never retried blindly.
    public var isIdempotent: Bool { self != .processOrdersInBatch }

    /// Looks a path such as `/api/stock/setstocklevel` up, ignoring case as Linnworks does.
    public init?(path: String) {
        let lowered = path.lowercased()
        guard lowered.hasPrefix("/api/") else { return nil }
        let name = lowered.dropFirst(5)
        guard let match = Endpoint.byLowercasedName[String(name)] else { return nil }
        self = match
    }

    private static let byLowercasedName: [String: Endpoint] = Dictionary(
        uniqueKeysWithValues: Endpoint.allCases.map { ($0.rawValue.lowercased(), $0) })
}
