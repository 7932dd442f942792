import Linnworks

extension Parameters {
    /// `stockLevels` read straight from the parsed JSON, keys matched ignoring case.
    ///
    /// Exists because the general path (re-serialise, then `JSONDecoder`) cost the sandbox more
    /// than the rest of a 200-row `SetStockLevel` together, in load tests where it shares the
    /// machine with the client. Anything that is not the expected shape goes the general way,
    /// so errors are reported exactly as before.
    func stockLevelUpdates(_ name: String) throws(APIFailure) -> [StockLevelUpdate]? {
        guard let json = try json(name) else { return nil }
        guard case let .array(items) = json else { return try decode(name, as: [StockLevelUpdate].self) }
        var updates: [StockLevelUpdate] = []
        updates.reserveCapacity(items.count)
        for item in items {
            guard case let .object(members) = item else { return try decode(name, as: [StockLevelUpdate].self) }
            var sku: String?, location: String?, level: Int?
            for (key, value) in members {
                switch (key.lowercased(), value) {
                case ("sku", .string(let text)): sku = text
                case ("locationid", .string(let text)): location = text
                case ("locationid", .null), ("sku", .null), ("level", .null): break
                case ("level", .number(let number)) where number == number.rounded() && abs(number) < 1e15: level = Int(number)
                default: return try decode(name, as: [StockLevelUpdate].self)
                }
            }
            updates.append(StockLevelUpdate(sku: sku, locationID: location, level: level))
        }
        return updates
    }
}
