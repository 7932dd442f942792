import Linnworks

/// `Inventory/*` and `Stock/*`: locations, stock writes and stock reads.
extension SandboxAccount {
    func getStockLocations() -> [StockLocation] {
        state.withLock { $0.locations }
    }

    /// `SetStockLevel` (absolute) and `UpdateStockLevelsBySKU` (delta). The whole batch is
    /// checked before anything changes; unknown SKUs are left out of the answer (Documentation/LinnworksAPI.md §3).
    func writeStockLevels(_ parameters: Parameters, absolute: Bool) throws(APIFailure) -> [StockItemLevel] {
        guard let updates = try parameters.stockLevelUpdates("stockLevels") else {
            throw .invalidParameter("stockLevels")
        }
        if updates.count > 1000 { throw .message(400, "Too many stock levels in one call (at most 1000)") }
        return try state.withLock { state throws(APIFailure) in
            var resolved: [(item: Int, location: Int, level: Int)] = []
            for update in updates {
                // Levels are 32-bit ints in Linnworks: a larger one is an unparsable parameter (Documentation/LinnworksAPI.md §11).
                guard let level = update.level, Int(Int32.min)...Int(Int32.max) ~= level else {
                    throw .invalidParameter("stockLevels")
                }
                let locationText = update.locationID.flatMap { $0.isEmpty ? nil : $0 } ?? GUID.zero
                guard let locationID = GUID.normalized(locationText),
                      let location = state.locationIndexByID[locationID] else {
                    throw .invalidParameter("LocationId")
                }
                guard let sku = update.sku, let item = state.itemIndexBySKU[sku.lowercased()] else { continue }
                resolved.append((item, location, level))
            }
            if !absolute {
                for row in resolved where !(Int(Int32.min)...Int(Int32.max) ~= state.levels[row.item][row.location] + row.level) {
                    throw .message(400, "The stock level of \(state.items[row.item].sku) would leave the range of a level")
                }
            }
            let now = AccountState.now()
            for row in resolved {
                if absolute {
                    state.levels[row.item][row.location] = row.level
                } else {
                    state.levels[row.item][row.location] += row.level
                }
                state.lastUpdate[row.item][row.location] = now
                if state.stockWrites.count < AccountState.maxStockWrites {
                    state.stockWrites.append((state.items[row.item].sku, row.location, state.levels[row.item][row.location]))
                }
            }
            return resolved.map { state.stockItemLevel(item: $0.item, location: $0.location) }
        }
    }

    /// `GetStockItemsFull`: items matching `keyword` (SKU, title or barcode), one page at a time.
    func getStockItemsFull(_ parameters: Parameters) throws(APIFailure) -> [StockItemFull] {
        let request = try StockItemsPage(parameters)
        return state.withLock { state in
            state.stockItemIndices(request).map { state.stockItemFull(item: $0, withLevels: request.wantsLevels) }
        }
    }

    /// `getStockItemsFull`'s answer as JSON text, each item written as soon as it is built.
    ///
    /// Exists because the stock-level export reads every item of an account this way, and building
    /// a page of `StockItemFull`s, holding them, then encoding them cost more than writing each one
    /// while it is fresh, into a buffer reserved for the whole page so it is never regrown.
    func getStockItemsFullJSON(_ parameters: Parameters) throws(APIFailure) -> [UInt8] {
        let request = try StockItemsPage(parameters)
        return state.withLock { state in
            let indices = state.stockItemIndices(request)
            var out: [UInt8] = []
            out.reserveCapacity(2 + indices.count * SandboxAccount.bytesPerStockItem(locations: state.locations.count))
            out.append(UInt8(ascii: "["))
            for (position, index) in indices.enumerated() {
                if position > 0 { out.append(UInt8(ascii: ",")) }
                state.stockItemFull(item: index, withLevels: request.wantsLevels).writeJSON(to: &out)
            }
            out.append(UInt8(ascii: "]"))
            return out
        }
    }

    /// Room reserved per item of a page: about 800 bytes of item and 650 per level (with a
    /// synthetic account's values), rounded up so a page is written without regrowing its buffer.
    static func bytesPerStockItem(locations: Int) -> Int { 1024 + 768 * locations }

    /// `GetStockLevel_Batch`: every location's level for each named stock item; unknown ids are left out.
    func getStockLevelBatch(_ parameters: Parameters) throws(APIFailure) -> [StockLevelBatchResponse] {
        guard let ids = try parameters.decode("StockItemIds", as: [String].self) else {
            throw .invalidParameter("StockItemIds")
        }
        return state.withLock { state in
            ids.compactMap { text in
                guard let id = GUID.normalized(text), let index = state.itemIndexByID[id] else { return nil }
                return StockLevelBatchResponse(
                    stockItemID: id,
                    levels: state.locations.indices.map { state.stockItemLevel(item: index, location: $0) })
            }
        }
    }

    func getPostalServices() -> [PostalService] {
        state.withLock { $0.postalServices }
    }
}

/// The parameters of a `GetStockItemsFull` call: which page of which items, and whether with levels.
struct StockItemsPage {
    var keyword: String
    var perPage: Int
    var page: Int
    var wantsLevels: Bool

    init(_ parameters: Parameters) throws(APIFailure) {
        keyword = (try parameters.string("keyword") ?? "").lowercased()
        perPage = try parameters.int("entriesPerPage") ?? 20
        page = try parameters.int("pageNumber") ?? 1
        guard (1...200).contains(perPage) else { throw .invalidParameter("entriesPerPage") }
        guard page >= 1 else { throw .invalidParameter("pageNumber") }
        let requirements = try parameters.decode("dataRequirements", as: [String].self) ?? []
        wantsLevels = requirements.isEmpty || requirements.contains { $0.caseInsensitiveCompare("StockLevels") == .orderedSame }
    }
}

extension AccountState {
    /// The indices of the items on `request`'s page.
    func stockItemIndices(_ request: StockItemsPage) -> [Int] {
        // Without a keyword every item matches: page by index instead of testing every item per page.
        if request.keyword.isEmpty {
            return Array(pageRange(page: request.page, perPage: request.perPage, count: items.count))
        }
        let keyword = request.keyword
        var matching: [Int] = []
        for (index, item) in items.enumerated() {
            if item.sku.lowercased().contains(keyword) || item.title.lowercased().contains(keyword)
                || (item.barcode?.lowercased().contains(keyword) ?? false) {
                matching.append(index)
            }
        }
        return Array(matching[pageRange(page: request.page, perPage: request.perPage, count: matching.count)])
    }

    /// The item at `index` as `GetStockItemsFull` reports it; levels at every location, or none.
    func stockItemFull(item index: Int, withLevels: Bool) -> StockItemFull {
        let item = items[index]
        var full = StockItemFull()
        full.suppliers = []
        full.stockLevels = withLevels ? locations.indices.map { stockItemLevel(item: index, location: $0) } : []
        full.channelDescriptions = []
        full.extendedProperties = []
        full.channelTitles = []
        full.channelPrices = []
        full.images = []
        full.sku = item.sku
        full.title = item.title
        full.barcode = item.barcode ?? ""
        full.metaData = ""
        full.isVariationParent = false
        full.isBatchedStockType = false
        full.purchasePrice = item.purchasePrice
        full.retailPrice = item.retailPrice
        full.taxRate = 0
        full.postalServiceID = GUID.zero
        full.postalServiceName = ""
        full.categoryID = GUID.zero
        full.categoryName = "Default"
        full.packageGroupID = GUID.zero
        full.packageGroupName = "Default"
        full.height = 0
        full.width = 0
        full.depth = 0
        full.weight = item.weight
        full.creationDate = "2024-01-01T00:00:00Z"
        full.inventoryTrackingType = 0
        full.batchNumberScanRequired = false
        full.serialNumberScanRequired = false
        full.stockItemID = item.id
        full.stockItemIntID = item.intID
        return full
    }
}
