import Linnworks
import Synchronization

/// The sandbox's Linnworks account: its state behind one lock.
///
/// Exists so that the HTTP threads serving calls concurrently see every change whole:
/// each call reads or changes the state inside a single `withLock`.
final class SandboxAccount: Sendable {
    let state: Mutex<AccountState>

    init(seed: SandboxSeed) throws(SandboxError) {
        state = Mutex(try AccountState(seed: seed))
    }

    /// Whether `id`, `secret` and `token` are one of the seeded credential sets (GUIDs compared ignoring case).
    func acceptsCredentials(id: String?, secret: String?, token: String?) -> Bool {
        guard let id, let secret, let token else { return false }
        return state.withLock { state in
            state.credentials.contains {
                $0.applicationID.caseInsensitiveCompare(id) == .orderedSame
                    && $0.applicationSecret.caseInsensitiveCompare(secret) == .orderedSame
                    && $0.token.caseInsensitiveCompare(token) == .orderedSame
            }
        }
    }

    /// Every stock level written so far, in order: SKU, location name, the level after the write.
    func stockWrites() -> [SandboxStockWrite] {
        state.withLock { state in
            state.stockWrites.map { SandboxStockWrite(sku: $0.sku, locationName: state.locations[$0.location].locationName ?? "", level: $0.level) }
        }
    }

    /// What Linnworks would now hold, for tests and `GET /sandbox/state`.
    func snapshot() -> SandboxSnapshot {
        state.withLock { state in
            var stock: [SandboxSnapshot.StockLevel] = []
            for (itemIndex, item) in state.items.enumerated() {
                for (locationIndex, location) in state.locations.enumerated() {
                    stock.append(.init(sku: item.sku, locationID: location.stockLocationID ?? GUID.zero,
                                       locationName: location.locationName ?? "",
                                       stockLevel: state.levels[itemIndex][locationIndex],
                                       inOrders: state.inOrders[itemIndex][locationIndex]))
                }
            }
            let orders = state.orders.map { order in
                SandboxSnapshot.Order(orderID: order.details.orderID ?? "", orderNumber: order.details.orderNumber ?? 0,
                                      reference: order.details.generalInfo?.reference ?? "",
                                      locationID: order.details.generalInfo?.locationID ?? GUID.zero,
                                      isProcessed: order.isProcessed, isParked: order.isParked,
                                      processedDate: order.isProcessed ? order.details.processedDate : nil,
                                      shippingInfo: order.details.shippingInfo ?? OrderShippingInfo(),
                                      identifiers: order.identifierTags)
            }
            return SandboxSnapshot(stockLevels: stock, orders: orders, identifiers: state.identifiers)
        }
    }
}

/// What the sandbox's account holds at one moment, keyed the way tests ask about it.
///
/// Exists so a test (or `GET /sandbox/state`) can check what Linnworks "now holds" after a
/// run — stock per SKU and location, each order's processed flag, shipping and tags —
/// without going through the authenticated API it is testing.
public struct SandboxSnapshot: Codable, Sendable, Equatable {
    public struct StockLevel: Codable, Sendable, Equatable {
        public var sku: String
        public var locationID: String
        public var locationName: String
        public var stockLevel: Int
        public var inOrders: Int

        enum CodingKeys: String, CodingKey {
            case sku = "SKU", locationID = "LocationId", locationName = "LocationName", stockLevel = "StockLevel"
            case inOrders = "InOrders"
        }
    }

    public struct Order: Codable, Sendable, Equatable {
        public var orderID: String
        public var orderNumber: Int
        public var reference: String
        public var locationID: String
        public var isProcessed: Bool
        public var isParked: Bool
        public var processedDate: String?
        public var shippingInfo: OrderShippingInfo
        public var identifiers: [String]

        enum CodingKeys: String, CodingKey {
            case orderID = "OrderId", orderNumber = "NumOrderId", reference = "ReferenceNum"
            case locationID = "Location", isProcessed = "Processed", isParked = "IsParked"
            case processedDate = "ProcessedDateTime", shippingInfo = "ShippingInfo", identifiers = "Identifiers"
        }
    }

    public var stockLevels: [StockLevel]
    public var orders: [Order]
    public var identifiers: [Identifier]

    enum CodingKeys: String, CodingKey {
        case stockLevels = "StockLevels", orders = "Orders", identifiers = "Identifiers"
    }

    /// The level of `sku` at the location named `location` (name or GUID), if both exist.
    public func level(sku: String, location: String) -> Int? {
        stockLevels.first {
            $0.sku.caseInsensitiveCompare(sku) == .orderedSame
                && ($0.locationName.caseInsensitiveCompare(location) == .orderedSame || $0.locationID == location.lowercased())
        }?.stockLevel
    }

    /// The order with this order number.
    public func order(number: Int) -> Order? { orders.first { $0.orderNumber == number } }

    /// The order with this id.
    public func order(id: String) -> Order? { orders.first { $0.orderID == id.lowercased() } }
}

/// One stock level a write call set, as the sandbox applied it.
public struct SandboxStockWrite: Sendable, Equatable {
    public var sku: String
    public var locationName: String
    public var level: Int
}
