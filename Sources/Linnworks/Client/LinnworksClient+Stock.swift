/// Stock and location calls.
extension LinnworksClient {
    /// Every stock location; the Default location has the all-zero GUID.
    public func getStockLocations() async throws(LinnworksError) -> [StockLocation] {
        try await call(.getStockLocations, FormBody(), as: [StockLocation].self)
    }

    /// Sets absolute stock levels. SKUs Linnworks does not know are missing from the answer.
    public func setStockLevel(_ levels: [StockLevelUpdate], changeSource: String? = nil)
        async throws(LinnworksError) -> [StockItemLevel] {
        var form = FormBody()
        try form.add("stockLevels", json: levels)
        form.add("changeSource", changeSource ?? "")
        return try await call(.setStockLevel, form, as: [StockItemLevel].self)
    }

    /// One page (1-based) of stock items with their levels per location; at most 200 per page.
    public func getStockItemsFull(keyword: String = "", pageNumber: Int, entriesPerPage: Int = 200,
                                  dataRequirements: [String] = ["StockLevels"],
                                  searchTypes: [String] = ["SKU", "Title", "Barcode"])
        async throws(LinnworksError) -> [StockItemFull] {
        var form = FormBody()
        form.add("keyword", keyword)
        form.add("loadCompositeParents", false)
        form.add("loadVariationParents", false)
        form.add("entriesPerPage", min(200, max(1, entriesPerPage)))
        form.add("pageNumber", max(1, pageNumber))
        try form.add("dataRequirements", json: dataRequirements)
        try form.add("searchTypes", json: searchTypes)
        return try await call(.getStockItemsFull, form, as: [StockItemFull].self)
    }

    /// Every stock item, page by page, until a short page says there are no more.
    public func getAllStockItemsFull(keyword: String = "", entriesPerPage: Int = 200)
        async throws(LinnworksError) -> [StockItemFull] {
        var items: [StockItemFull] = []
        var page = 1
        let size = min(200, max(1, entriesPerPage))
        while true {
            let batch = try await getStockItemsFull(keyword: keyword, pageNumber: page, entriesPerPage: size)
            items += batch
            if batch.count < size { return items }
            page += 1
        }
    }
}

/// Postal services and identifiers.
extension LinnworksClient {
    /// Every postal service, with whether it needs a tracking number.
    public func getPostalServices() async throws(LinnworksError) -> [PostalService] {
        try await call(.getPostalServices, FormBody(), as: [PostalService].self)
    }

    /// Every identifier (tag) orders can carry.
    public func getIdentifiers() async throws(LinnworksError) -> [Identifier] {
        try await call(.getIdentifiers, FormBody(), as: [Identifier].self)
    }

    /// Creates or updates an identifier, keyed by its `Tag`.
    public func saveIdentifier(_ identifier: Identifier) async throws(LinnworksError) -> Identifier {
        var form = FormBody()
        try form.add("request", json: SaveIdentifierRequest(identifier: identifier))
        return try await call(.saveIdentifier, form, as: Identifier.self)
    }

    /// Puts the identifier `tag` on open orders; orders that had it, or are not open, come back as not changed.
    public func assignOrderIdentifier(tag: String, orderIDs: [String]) async throws(LinnworksError) -> AssignResult {
        var form = FormBody()
        try form.add("request", json: ChangeOrderIdentifierRequest(orderIDs: orderIDs, tag: tag))
        return try await call(.assignOrderIdentifier, form, as: AssignResult.self)
    }
}
