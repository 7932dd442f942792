import CSV

/// The columns of a stock snapshot and the header names 3PLs use for them (Documentation/Product.md describes the stock file).
public enum StockColumns {
    public static let sku = "sku"
    public static let level = "level"
    public static let location = "location"

    public static let all: [ColumnSpec] = [
        ColumnSpec(sku, aliases: ["SKU", "Item Number", "Product Code", "Merchant SKU", "Item SKU", "Stock Code"], required: true),
        ColumnSpec(level, aliases: ["Level", "Stock Level", "Qty", "Quantity", "On Hand", "Available", "Stock", "Qty On Hand"], required: true),
        ColumnSpec(location, aliases: ["Location", "Location Name", "Warehouse", "Stock Location", "Location Id"]),
    ]
}
