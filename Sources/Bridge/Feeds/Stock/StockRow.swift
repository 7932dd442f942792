/// One valid row of a stock snapshot: set `sku` to `level` at `location`.
public struct StockRow: Sendable, Equatable {
    var line: Int
    public var sku: String
    public var level: Int
    var location: LocationReference

    init(line: Int, sku: String, level: Int, location: LocationReference) {
        self.line = line
        self.sku = sku
        self.level = level
        self.location = location
    }
}
