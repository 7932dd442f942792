import Foundation
import Linnworks

/// The starting content of a sandbox account, as stored in `samples/sandbox-account.json`.
///
/// Exists so a tester can read and edit the account by hand: locations, stock items with a
/// level per location (by location name), postal services, identifiers, open and processed
/// orders, and the application credentials the sandbox accepts. Keys follow Linnworks'
/// spelling where one exists.
public struct SandboxSeed: Codable, Sendable {
    public var credentials: [SeedCredentials]
    public var locations: [SeedLocation]
    public var postalServices: [SeedPostalService]
    public var stockItems: [SeedStockItem]
    public var identifiers: [SeedIdentifier]
    public var orders: [SeedOrder]

    public init(credentials: [SeedCredentials], locations: [SeedLocation], postalServices: [SeedPostalService],
                stockItems: [SeedStockItem], identifiers: [SeedIdentifier], orders: [SeedOrder]) {
        self.credentials = credentials
        self.locations = locations
        self.postalServices = postalServices
        self.stockItems = stockItems
        self.identifiers = identifiers
        self.orders = orders
    }

    enum CodingKeys: String, CodingKey {
        case credentials = "Credentials", locations = "Locations", postalServices = "PostalServices"
        case stockItems = "StockItems", identifiers = "Identifiers", orders = "Orders"
    }

    /// Reads a seed file; the error names the file and what was wrong.
    public static func load(path: String) throws(SandboxError) -> SandboxSeed {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .seed("cannot read seed file \(path)")
        }
        do {
            return try JSONDecoder().decode(SandboxSeed.self, from: data)
        } catch let DecodingError.keyNotFound(key, context) {
            throw .seed("seed file \(path): missing \(key.stringValue) at \(SandboxSeed.describe(context.codingPath))")
        } catch let DecodingError.typeMismatch(_, context) {
            throw .seed("seed file \(path): wrong type at \(SandboxSeed.describe(context.codingPath))")
        } catch {
            throw .seed("seed file \(path) is not valid JSON")
        }
    }

    private static func describe(_ path: [any CodingKey]) -> String {
        path.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
    }
}

/// Application credentials the sandbox accepts at `AuthorizeByApplication`.
public struct SeedCredentials: Codable, Sendable {
    public var applicationID: String
    public var applicationSecret: String
    public var token: String

    public init(applicationID: String, applicationSecret: String, token: String) {
        self.applicationID = applicationID
        self.applicationSecret = applicationSecret
        self.token = token
    }

    enum CodingKeys: String, CodingKey {
        case applicationID = "ApplicationId", applicationSecret = "ApplicationSecret", token = "Token"
    }
}

/// A stock location of the seed.
public struct SeedLocation: Codable, Sendable {
    public var id: String
    public var name: String
    public var isFulfilmentCentre: Bool
    public var city: String?
    public var country: String?

    public init(id: String, name: String, isFulfilmentCentre: Bool, city: String? = nil, country: String? = nil) {
        self.id = id
        self.name = name
        self.isFulfilmentCentre = isFulfilmentCentre
        self.city = city
        self.country = country
    }

    enum CodingKeys: String, CodingKey {
        case id = "StockLocationId", name = "LocationName", isFulfilmentCentre = "IsFulfillmentCenter"
        case city = "City", country = "Country"
    }
}

/// A postal service of the seed.
public struct SeedPostalService: Codable, Sendable {
    public var id: String
    public var name: String
    public var code: String?
    public var tag: String?
    public var vendor: String?
    public var isTrackingNumberRequired: Bool
    public var isWeightRequired: Bool?

    public init(id: String, name: String, code: String?, tag: String?, vendor: String?,
                isTrackingNumberRequired: Bool, isWeightRequired: Bool? = false) {
        self.id = id
        self.name = name
        self.code = code
        self.tag = tag
        self.vendor = vendor
        self.isTrackingNumberRequired = isTrackingNumberRequired
        self.isWeightRequired = isWeightRequired
    }

    enum CodingKeys: String, CodingKey {
        case id = "pkPostalServiceId", name = "PostalServiceName", code = "PostalServiceCode"
        case tag = "PostalServiceTag", vendor = "Vendor", isTrackingNumberRequired = "TrackingNumberRequired"
        case isWeightRequired = "WeightRequired"
    }
}

/// A stock item of the seed, with its level at each location (keyed by location name).
public struct SeedStockItem: Codable, Sendable {
    public var id: String
    public var sku: String
    public var title: String
    public var barcode: String?
    public var retailPrice: Double?
    public var purchasePrice: Double?
    public var weight: Double?
    public var levels: [String: Int]

    public init(id: String, sku: String, title: String, barcode: String?, retailPrice: Double?,
                purchasePrice: Double?, weight: Double?, levels: [String: Int]) {
        self.id = id
        self.sku = sku
        self.title = title
        self.barcode = barcode
        self.retailPrice = retailPrice
        self.purchasePrice = purchasePrice
        self.weight = weight
        self.levels = levels
    }

    enum CodingKeys: String, CodingKey {
        case id = "StockItemId", sku = "SKU", title = "Title", barcode = "BarcodeNumber"
        case retailPrice = "RetailPrice", purchasePrice = "PurchasePrice", weight = "Weight", levels = "Levels"
    }
}

/// An identifier (tag) of the seed.
public struct SeedIdentifier: Codable, Sendable {
    public var id: Int
    public var tag: String
    public var name: String
    public var isCustom: Bool

    public init(id: Int, tag: String, name: String, isCustom: Bool) {
        self.id = id
        self.tag = tag
        self.name = name
        self.isCustom = isCustom
    }

    enum CodingKeys: String, CodingKey { case id = "IdentifierId", tag = "Tag", name = "Name", isCustom = "IsCustom" }
}

/// An order of the seed; `Location` and `PostalService` are names, items name SKUs.
public struct SeedOrder: Codable, Sendable {
    public var id: String
    public var number: Int
    public var reference: String?
    public var secondaryReference: String?
    public var externalReference: String?
    public var source: String?
    public var subSource: String?
    public var location: String
    public var receivedDate: String?
    public var despatchByDate: String?
    public var isParked: Bool?
    public var isProcessed: Bool?
    public var postalService: String?
    public var trackingNumber: String?
    public var postageCost: Double?
    public var currency: String?
    public var customer: SeedCustomer
    public var items: [SeedOrderItem]
    public var identifiers: [String]?

    public init(id: String, number: Int, reference: String?, secondaryReference: String?, externalReference: String?,
                source: String?, subSource: String?, location: String, receivedDate: String?, despatchByDate: String?,
                isParked: Bool?, isProcessed: Bool?, postalService: String?, trackingNumber: String?,
                postageCost: Double?, currency: String?, customer: SeedCustomer, items: [SeedOrderItem],
                identifiers: [String]?) {
        self.id = id
        self.number = number
        self.reference = reference
        self.secondaryReference = secondaryReference
        self.externalReference = externalReference
        self.source = source
        self.subSource = subSource
        self.location = location
        self.receivedDate = receivedDate
        self.despatchByDate = despatchByDate
        self.isParked = isParked
        self.isProcessed = isProcessed
        self.postalService = postalService
        self.trackingNumber = trackingNumber
        self.postageCost = postageCost
        self.currency = currency
        self.customer = customer
        self.items = items
        self.identifiers = identifiers
    }

    enum CodingKeys: String, CodingKey {
        case id = "OrderId", number = "NumOrderId", reference = "ReferenceNum"
        case secondaryReference = "SecondaryReference", externalReference = "ExternalReferenceNum"
        case source = "Source", subSource = "SubSource", location = "Location", receivedDate = "ReceivedDate"
        case despatchByDate = "DespatchByDate", isParked = "IsParked", isProcessed = "Processed"
        case postalService = "PostalService", trackingNumber = "TrackingNumber", postageCost = "PostageCost"
        case currency = "Currency", customer = "Customer", items = "Items", identifiers = "Identifiers"
    }
}

/// The buyer and delivery address of a seed order.
public struct SeedCustomer: Codable, Sendable {
    public var fullName: String
    public var company: String?
    public var email: String?
    public var phone: String?
    public var address1: String?
    public var address2: String?
    public var town: String?
    public var region: String?
    public var postCode: String?
    public var country: String?

    public init(fullName: String, company: String? = nil, email: String? = nil, phone: String? = nil,
                address1: String? = nil, address2: String? = nil, town: String? = nil, region: String? = nil,
                postCode: String? = nil, country: String? = nil) {
        self.fullName = fullName
        self.company = company
        self.email = email
        self.phone = phone
        self.address1 = address1
        self.address2 = address2
        self.town = town
        self.region = region
        self.postCode = postCode
        self.country = country
    }

    enum CodingKeys: String, CodingKey {
        case fullName = "FullName", company = "Company", email = "EmailAddress", phone = "PhoneNumber"
        case address1 = "Address1", address2 = "Address2", town = "Town", region = "Region"
        case postCode = "PostCode", country = "Country"
    }
}

/// One line of a seed order.
public struct SeedOrderItem: Codable, Sendable {
    public var sku: String
    public var quantity: Int
    public var pricePerUnit: Double?

    public init(sku: String, quantity: Int, pricePerUnit: Double?) {
        self.sku = sku
        self.quantity = quantity
        self.pricePerUnit = pricePerUnit
    }

    enum CodingKeys: String, CodingKey { case sku = "SKU", quantity = "Quantity", pricePerUnit = "PricePerUnit" }
}
