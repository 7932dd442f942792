/// Where a stock row's level applies, as the file gave it.
public enum LocationReference: Sendable, Hashable {
    /// A Linnworks location GUID, used as given (lower-cased).
    case id(String)
    /// A location name, resolved against `Inventory/GetStockLocations` once per run.
    case name(String)
    /// The file has no location column or the cell is empty: the configured default location.
    case defaultLocation
}

/// One valid row of a stock snapshot: set `sku` to `level` at `location`.
public struct StockRow: Sendable, Equatable {
    public var line: Int
    public var sku: String
    public var level: Int
    public var location: LocationReference

    public init(line: Int, sku: String, level: Int, location: LocationReference) {
        self.line = line
        self.sku = sku
        self.level = level
        self.location = location
    }
}
