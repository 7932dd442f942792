import Foundation
import Linnworks

/// Everything the sandbox's Linnworks account holds, in memory.
///
/// Exists as a plain value so the account can be guarded by one `Mutex` and every call
/// sees and changes it atomically. Stock levels are kept per item and location index;
/// `inOrders` (stock promised to open orders) is kept up to date as orders are processed,
/// so answers never need a scan of all orders.
struct AccountState {
    struct StockItem {
        var id: String
        var intID: Int
        var sku: String
        var title: String
        var barcode: String?
        var retailPrice: Double
        var purchasePrice: Double
        var weight: Double
    }

    struct Order {
        var details: OrderDetails
        var locationIndex: Int
        var identifierTags: [String]
        var isParked: Bool { details.generalInfo?.isParked == true }
        var isProcessed: Bool { details.isProcessed == true }
    }

    var credentials: [SeedCredentials] = []
    var locations: [StockLocation] = []
    var locationIndexByID: [String: Int] = [:]
    var items: [StockItem] = []
    var itemIndexBySKU: [String: Int] = [:]
    var itemIndexByID: [String: Int] = [:]
    /// levels[item][location]
    var levels: [[Int]] = []
    /// Quantity on open, unprocessed orders: inOrders[item][location].
    var inOrders: [[Int]] = []
    var lastUpdate: [[String?]] = []
    /// Every stock level written, in order (SKU as stored, location index, level), up to
    /// `maxStockWrites`: tests count what reached Linnworks row by row, which the call log,
    /// cutting long parameters, cannot.
    var stockWrites: [(sku: String, location: Int, level: Int)] = []
    static let maxStockWrites = 2_000_000
    var postalServices: [PostalService] = []
    var identifiers: [Identifier] = []
    var orders: [Order] = []
    var orderIndexByID: [String: Int] = [:]
    var orderIndexByNumber: [Int: Int] = [:]

    init(seed: SandboxSeed) throws(SandboxError) {
        credentials = seed.credentials
        guard !seed.credentials.isEmpty else { throw .seed("the seed has no Credentials") }
        locations = []
        locationIndexByID = [:]
        var locationIndexByName: [String: Int] = [:]
        for (index, location) in seed.locations.enumerated() {
            guard let id = GUID.normalized(location.id) else {
                throw .seed("location \(location.name): StockLocationId is not a GUID")
            }
            var model = StockLocation()
            model.stockLocationID = id
            model.locationName = location.name
            model.isFulfilmentCentre = location.isFulfilmentCentre
            model.stockLocationIntID = index + 1
            model.city = location.city ?? ""
            model.country = location.country ?? ""
            model.address1 = ""
            model.address2 = ""
            model.county = ""
            model.zipCode = ""
            model.isNotTrackable = false
            model.locationTag = location.isFulfilmentCentre ? "3PL" : ""
            model.countsInOrderUntilAcknowledgement = true
            model.fulfilmentCentreDeductsStockWhenProcessed = location.isFulfilmentCentre
            model.isWarehouseManaged = false
            locations.append(model)
            locationIndexByID[id] = index
            locationIndexByName[location.name.lowercased()] = index
        }
        guard !locations.isEmpty else { throw .seed("the seed has no Locations") }

        items = []
        itemIndexBySKU = [:]
        itemIndexByID = [:]
        levels = []
        inOrders = []
        lastUpdate = []
        for (index, item) in seed.stockItems.enumerated() {
            guard let id = GUID.normalized(item.id) else { throw .seed("stock item \(item.sku): StockItemId is not a GUID") }
            items.append(StockItem(id: id, intID: index + 1, sku: item.sku, title: item.title, barcode: item.barcode,
                                   retailPrice: item.retailPrice ?? 0, purchasePrice: item.purchasePrice ?? 0,
                                   weight: item.weight ?? 0))
            itemIndexBySKU[item.sku.lowercased()] = index
            itemIndexByID[id] = index
            var row = Array(repeating: 0, count: locations.count)
            for (name, level) in item.levels {
                guard let location = locationIndexByName[name.lowercased()]
                        ?? GUID.normalized(name).flatMap({ locationIndexByID[$0] }) else {
                    throw .seed("stock item \(item.sku): unknown location \(name)")
                }
                row[location] = level
            }
            levels.append(row)
            inOrders.append(Array(repeating: 0, count: locations.count))
            lastUpdate.append(Array(repeating: nil, count: locations.count))
        }

        postalServices = seed.postalServices.map(AccountState.postalService)
        identifiers = seed.identifiers.map {
            Identifier(identifierID: $0.id, name: $0.name, tag: $0.tag, isCustom: $0.isCustom,
                       imageID: GUID.zero, imageURL: "")
        }
        orders = []
        orderIndexByID = [:]
        orderIndexByNumber = [:]
        for order in seed.orders {
            guard let location = locationIndexByName[order.location.lowercased()]
                    ?? GUID.normalized(order.location).flatMap({ locationIndexByID[$0] }) else {
                throw .seed("order \(order.number): unknown location \(order.location)")
            }
            guard let id = GUID.normalized(order.id) else { throw .seed("order \(order.number): OrderId is not a GUID") }
            let record = try makeOrder(order, id: id, locationIndex: location)
            orderIndexByID[id] = orders.count
            orderIndexByNumber[order.number] = orders.count
            orders.append(record)
            if !record.isProcessed {
                for item in record.details.items ?? [] {
                    if let index = item.sku.flatMap({ itemIndexBySKU[$0.lowercased()] }) {
                        inOrders[index][location] += item.quantity ?? 0
                    }
                }
            }
        }
    }

    func location(_ index: Int) -> InventoryStockLocation {
        let source = locations[index]
        var location = InventoryStockLocation()
        location.stockLocationID = source.stockLocationID
        location.stockLocationIntID = source.stockLocationIntID
        location.locationName = source.locationName
        location.locationTag = source.locationTag
        location.isFulfilmentCentre = source.isFulfilmentCentre
        location.isWarehouseManaged = source.isWarehouseManaged
        location.binRack = ""
        return location
    }

    /// The `StockItemLevel` of one item at one location, as Linnworks would report it now.
    func stockItemLevel(item index: Int, location: Int) -> StockItemLevel {
        let item = items[index]
        var level = StockItemLevel()
        level.location = self.location(location)
        level.stockLevel = levels[index][location]
        level.stockValue = Double(levels[index][location]) * item.purchasePrice
        level.minimumLevel = 0
        level.inOrderBook = inOrders[index][location]
        level.due = 0
        level.isJustInTime = false
        level.inOrders = inOrders[index][location]
        level.available = levels[index][location] - inOrders[index][location]
        level.unitCost = item.purchasePrice
        level.sku = item.sku
        level.autoAdjust = false
        level.lastUpdateDate = lastUpdate[index][location] ?? "0001-01-01T00:00:00Z"
        level.lastUpdateOperation = lastUpdate[index][location] == nil ? "" : "Stock level set"
        level.rowID = GUID.make(0x5107_0000 | UInt32(location), UInt64(item.intID))
        level.pendingUpdate = false
        level.purchasePrice = item.purchasePrice
        level.stockItemID = item.id
        level.stockItemIntID = item.intID
        return level
    }

    static func postalService(_ seed: SeedPostalService) -> PostalService {
        var service = PostalService()
        let id = GUID.normalized(seed.id) ?? seed.id.lowercased()
        service.id = id
        service.postalServiceID = id
        service.hasMappedShippingService = false
        service.channels = []
        service.shippingServices = []
        service.name = seed.name
        service.tag = seed.tag ?? ""
        service.serviceCountry = ""
        service.code = seed.code ?? ""
        service.vendor = seed.vendor ?? ""
        service.printModule = ""
        service.printModuleTitle = ""
        service.isTrackingNumberRequired = seed.isTrackingNumberRequired
        service.isWeightRequired = seed.isWeightRequired ?? false
        service.ignoresPackagingGroup = false
        service.shippingAPIConfigID = 0
        service.integratedServiceID = GUID.zero
        return service
    }

    /// The current time as Linnworks writes it: ISO 8601, UTC, milliseconds.
    static func now() -> String {
        Date().formatted(Date.ISO8601FormatStyle(includingFractionalSeconds: true))
    }
}
