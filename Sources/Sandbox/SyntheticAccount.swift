import Foundation
import Support

/// A generated account of any size, the same for the same numbers.
///
/// Exists for load tests and benchmarks: `synthetic:skus=5000,orders=2000,seed=3` gives
/// every run the same SKUs, levels and orders without a seed file.
public struct SyntheticAccount: Sendable, Equatable {
    public var skus: Int
    public var orders: Int
    public var seed: UInt64

    public init(skus: Int, orders: Int, seed: UInt64 = 1) {
        self.skus = skus
        self.orders = orders
        self.seed = seed
    }

    /// Parses `skus=N,orders=M[,seed=S]`.
    public static func parse(_ spec: String) throws(SandboxError) -> SyntheticAccount {
        var account = SyntheticAccount(skus: 100, orders: 50)
        for part in spec.split(separator: ",") {
            let pieces = part.split(separator: "=", maxSplits: 1).map(String.init)
            guard pieces.count == 2, let number = UInt64(pieces[1]) else {
                throw .usage("--seed synthetic: expected skus=N,orders=M[,seed=S], got '\(part)'")
            }
            switch pieces[0] {
            case "skus": account.skus = Int(number)
            case "orders": account.orders = Int(number)
            case "seed": account.seed = number
            default: throw .usage("--seed synthetic: unknown key '\(pieces[0])'")
            }
        }
        guard account.skus > 0 || account.orders == 0 else { throw .usage("--seed synthetic: orders need skus") }
        return account
    }

    public static let defaultLocationID = "00000000-0000-0000-0000-000000000000"
    public static let warehouseLocationID = "7b3c9d2e-4f5a-4b6c-8d7e-9f0a1b2c3d4e"

    public func make() -> SandboxSeed {
        var random = SplitMix64(seed: seed)
        let locations = [
            SeedLocation(id: Self.defaultLocationID, name: "Default", isFulfilmentCentre: false),
            SeedLocation(id: Self.warehouseLocationID, name: "3PL Warehouse", isFulfilmentCentre: true),
        ]
        let services = [
            SeedPostalService(id: "3d0f1c2b-0000-4000-8000-000000000001", name: "Standard", code: "STD", tag: "STANDARD",
                              vendor: "Royal Mail", isTrackingNumberRequired: false),
            SeedPostalService(id: "3d0f1c2b-0000-4000-8000-000000000002", name: "Tracked 24", code: "TRK24",
                              tag: "TRACKED", vendor: "DPD", isTrackingNumberRequired: true),
        ]
        var items: [SeedStockItem] = []
        for number in 0..<skus {
            items.append(SeedStockItem(
                id: GUID.make(0x5717_0000, UInt64(number + 1)), sku: String(format: "SYN-%06d", number + 1),
                title: "Synthetic item \(number + 1)", barcode: String(format: "50%011d", number + 1),
                retailPrice: Double(random.next() % 5000) / 100 + 1, purchasePrice: Double(random.next() % 2000) / 100 + 0.5,
                weight: Double(random.next() % 2000) / 1000,
                levels: ["Default": Int(random.next() % 50), "3PL Warehouse": Int(random.next() % 500)]))
        }
        var seededOrders: [SeedOrder] = []
        for number in 0..<orders {
            var lines: [SeedOrderItem] = []
            for _ in 0..<(1 + Int(random.next() % 3)) {
                let sku = items[Int(random.next() % UInt64(skus))].sku
                if !lines.contains(where: { $0.sku == sku }) {
                    lines.append(SeedOrderItem(sku: sku, quantity: 1 + Int(random.next() % 3), pricePerUnit: nil))
                }
            }
            let day = 1 + number % 28
            seededOrders.append(SeedOrder(
                id: GUID.make(0x0bde_0000, UInt64(number + 1)), number: 100_001 + number,
                reference: "SYN-REF-\(100_001 + number)", secondaryReference: "SEC-\(100_001 + number)",
                externalReference: "EXT-\(100_001 + number)", source: number % 2 == 0 ? "AMAZON" : "EBAY",
                subSource: "Synthetic", location: number % 5 == 0 ? "Default" : "3PL Warehouse",
                receivedDate: String(format: "2026-01-%02dT10:00:00Z", day),
                despatchByDate: String(format: "2026-02-%02dT17:00:00Z", day), isParked: number % 23 == 7,
                isProcessed: false, postalService: services[number % 2].name, trackingNumber: nil,
                postageCost: 3.95, currency: "GBP",
                customer: SeedCustomer(fullName: "Customer \(number + 1)", email: "customer\(number + 1)@example.invalid",
                                       address1: "\(number + 1) High Street", town: "Leeds", postCode: "LS1 1AA",
                                       country: "United Kingdom"),
                items: lines, identifiers: nil))
        }
        return SandboxSeed(
            credentials: [SeedCredentials(applicationID: SandboxDefaults.applicationID,
                                          applicationSecret: SandboxDefaults.applicationSecret,
                                          token: SandboxDefaults.installationToken)],
            locations: locations, postalServices: services, stockItems: items,
            identifiers: [SeedIdentifier(id: 1, tag: "AMAZON_PRIME", name: "Amazon Prime", isCustom: false),
                          SeedIdentifier(id: 2, tag: "EXPORTED", name: "Exported to 3PL", isCustom: true)],
            orders: seededOrders)
    }
}
