/// The `stock` section: how stock snapshots are read and sent.
///
/// Exists so a 3PL's own column names, the location for rows without one, and the batch pacing can
/// be set per install without code changes. Defaults fit a file with English headers and one
/// warehouse called "Default".
public struct StockFeedSettings: Sendable, Equatable {
    /// The canonical stock columns that `columns` may name.
    static let columnNames = ["sku", "level", "location"]

    /// Extra header names per canonical column, tried in addition to the built-in ones.
    var columns: [String: [String]] = [:]
    /// Where rows without a location go: a location name or GUID.
    var defaultLocation = "Default"
    /// Rows per `Stock/SetStockLevel` call, 1...1000.
    public var batchSize = 200
    /// Calls in flight at once, 1...4 (more only churns connections, as measured on Linux; see Documentation/SwiftOnLinux.md).
    var maxInFlight = 4

    public init() {}

    static let keys = ["columns", "defaultLocation", "batchSize", "maxInFlight"]

    init(reading value: ConfigValue) throws(ConfigError) {
        self.init()
        let object = try value.object()
        try object.rejectUnknownKeys(known: Self.keys)
        if let value = object.value("columns") { columns = try ColumnAliases.read(value, columns: Self.columnNames) }
        if let value = object.value("defaultLocation") { defaultLocation = try value.string() }
        if let value = object.value("batchSize") { batchSize = try value.wholeNumber(in: 1...1000) }
        if let value = object.value("maxInFlight") { maxInFlight = try value.wholeNumber(in: 1...4) }
    }
}
