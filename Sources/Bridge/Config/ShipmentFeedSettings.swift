import Foundation

/// The `shipments` section: how shipment and tracking files are matched and applied.
///
/// Exists because 3PLs differ in column names, carrier names and order-number decoration (`#1001`,
/// `SO-1001`), and because some installs only want tracking set, not orders processed.
public struct ShipmentFeedSettings: Sendable, Equatable {
    /// The canonical shipment columns that `columns` may name.
    static let columnNames = ["order", "tracking", "service", "weight", "cost", "voided"]

    /// Extra header names per canonical column, tried in addition to the built-in ones.
    var columns: [String: [String]] = [:]
    /// The file's carrier name → the Linnworks postal service name, e.g. "DPD Next Day" → "DPD Classic".
    var postalServiceAliases: [String: String] = [:]
    /// Whether orders are processed after their shipping info is set; false sets tracking only.
    var processOrders = true
    /// Location names or GUIDs whose open orders are indexed for matching; empty means all locations.
    var locations: [String] = []
    /// Stripped from the start of an order reference before matching. Giving a list replaces these.
    var stripPrefixes = ["#", "SO-"]
    /// Stripped from the end of an order reference before matching.
    var stripSuffixes: [String] = []
    /// Orders per batch, 1...200.
    var batchSize = 200

    public init() {}

    static let keys = ["columns", "postalServiceAliases", "processOrders", "locations",
                       "stripPrefixes", "stripSuffixes", "batchSize"]

    init(reading value: ConfigValue) throws(ConfigError) {
        self.init()
        let object = try value.object()
        try object.rejectUnknownKeys(known: Self.keys)
        if let value = object.value("columns") { columns = try ColumnAliases.read(value, columns: Self.columnNames) }
        if let value = object.value("postalServiceAliases") { postalServiceAliases = try Self.aliases(value) }
        if let value = object.value("processOrders") { processOrders = try value.bool() }
        if let value = object.value("locations") { locations = try value.stringList(allowDuplicates: false) }
        if let value = object.value("stripPrefixes") { stripPrefixes = try value.stringList() }
        if let value = object.value("stripSuffixes") { stripSuffixes = try value.stringList() }
        if let value = object.value("batchSize") { batchSize = try value.wholeNumber(in: 1...200) }
    }

    private static func aliases(_ value: ConfigValue) throws(ConfigError) -> [String: String] {
        let object = try value.object()
        var aliases: [String: String] = [:]
        for (name, target) in object.sortedValues {
            if name.trimmingCharacters(in: .whitespaces).isEmpty { throw target.error("a carrier name must not be empty") }
            aliases[name] = try target.string()
        }
        return aliases
    }
}

