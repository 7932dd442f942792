/// `Stock/SetStockLevel` for callers that only need to know which SKUs Linnworks took.
extension LinnworksClient {
    /// Sets absolute stock levels and returns the SKUs of the answer (unknown SKUs are missing).
    ///
    /// Decoding only the `SKU` of each `StockItemLevel` instead of all twenty fields keeps the
    /// client's share of a large stock file small (JSONDecoder cost grows with fields decoded).
    public func setStockLevelReturningSKUs(_ levels: [StockLevelUpdate], changeSource: String? = nil)
        async throws(LinnworksError) -> [String] {
        var form = FormBody()
        try form.add("stockLevels", json: levels)
        form.add("changeSource", changeSource ?? "")
        return try await call(.setStockLevel, form, as: [SKUOnly].self).compactMap(\.sku)
    }
}

private struct SKUOnly: Decodable {
    var sku: String?
    enum CodingKeys: String, CodingKey { case sku = "SKU" }
}
