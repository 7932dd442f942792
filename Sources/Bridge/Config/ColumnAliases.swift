/// Reads a feed's `columns` object: extra header names for each canonical column.
///
/// Exists because 3PLs name columns in their own words (`Artikelnummer`, `Bestand`); the object maps
/// a canonical column (`sku`) to the extra headers that mean it. An unknown canonical name is an
/// error with a hint, since a misspelt column would otherwise never match and the feed would fail
/// later with a far less helpful "missing column".
enum ColumnAliases {
    static func read(_ value: ConfigValue, columns: [String]) throws(ConfigError) -> [String: [String]] {
        let object = try value.object()
        try object.rejectUnknownKeys(known: columns, noun: "column")
        var aliases: [String: [String]] = [:]
        for (column, names) in object.sortedValues {
            aliases[column] = try names.stringList()
        }
        return aliases
    }
}
