/// Header names reduced to what matters for matching.
///
/// Exists because the same column arrives as "Stock Level", "stock_level", "STOCK-LEVEL",
/// "StockLevel " or, after a BOM was decoded as Windows-1252, "ï»¿Stock Level". All of them
/// normalise to "stocklevel": case folded, BOM remnants dropped, and everything that is not a
/// letter or digit removed.
public enum HeaderName {
    public static func normalise(_ header: String) -> String {
        var text = Substring(header)
        for remnant in ["\u{FEFF}", "ï»¿", "\u{FFFE}"] {
            while text.hasPrefix(remnant) { text = text.dropFirst(remnant.count) }
        }
        var result = String.UnicodeScalarView()
        for scalar in text.lowercased().unicodeScalars where scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
            result.append(scalar)
        }
        return String(result)
    }
}
