import Linnworks

/// What the stock feed needs from Linnworks, and nothing more.
///
/// Exists so each stage of the feed can be tested alone; `LinnworksClient` is the real one,
/// and every end-to-end test runs it against the sandbox over HTTP.
public protocol StockService: Sendable {
    func stockLocations() async throws(LinnworksError) -> [StockLocation]
    /// Sets absolute levels; returns the SKUs of the answer (those Linnworks does not know are missing).
    func setStockLevels(_ updates: [StockLevelUpdate]) async throws(LinnworksError) -> [String]
    /// Every SKU the account has (read-only; for `check --online`).
    func allSKUs() async throws(LinnworksError) -> Set<String>
}

extension LinnworksClient: StockService {
    public func stockLocations() async throws(LinnworksError) -> [StockLocation] {
        try await getStockLocations()
    }

    public func setStockLevels(_ updates: [StockLevelUpdate]) async throws(LinnworksError) -> [String] {
        try await setStockLevelReturningSKUs(updates, changeSource: "LinnBridge")
    }

    public func allSKUs() async throws(LinnworksError) -> Set<String> {
        var skus = Set<String>()
        var page = 1
        while true {
            let items = try await getStockItemsFull(pageNumber: page, entriesPerPage: 200, dataRequirements: [])
            for item in items { if let sku = item.sku { skus.insert(sku) } }
            if items.count < 200 { return skus }
            page += 1
        }
    }
}
