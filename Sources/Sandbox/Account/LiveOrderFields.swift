import Linnworks

/// What an answer shows of an order beyond its stored details: the identifiers it is tagged with
/// and its items' stock at its location, as they stand now.
///
/// Exists so the two ways an order is answered agree: `AccountState.details(at:)` applies these
/// to a copy of the stored details, while `GetOrdersById` and `GetOpenOrdersDetails` write the
/// stored details with these laid over them (`OrderDetails.writeJSON(to:live:)`) under the lock,
/// without building new details and item arrays first: that building was most of a 100-order
/// look-up's cost once writing the answer was cheap.
struct LiveOrderFields {
    struct Stock {
        var level: Int
        var promised: Int
    }

    var identifiers: [Identifier]
    /// One per item of the stored details; nil for an item whose SKU is not in the inventory.
    var stock: [Stock?]

    func apply(to details: inout OrderDetails) {
        details.generalInfo?.identifiers = identifiers
        guard var items = details.items else { return }
        for index in items.indices {
            guard let stock = stock[index] else { continue }
            items[index].level = stock.level
            items[index].inOrderBook = stock.promised
            items[index].availableStock = stock.level - stock.promised
            items[index].minimumLevel = 0
        }
        details.items = items
    }
}

extension AccountState {
    /// Writes the orders at `indices` as a JSON array of `OrderDetails`, exactly as encoding
    /// `indices.map(details(at:))` would.
    func writeDetailsJSON(of indices: [Int], to out: inout [UInt8]) {
        out.append(UInt8(ascii: "["))
        for (position, index) in indices.enumerated() {
            if position > 0 { out.append(UInt8(ascii: ",")) }
            orders[index].details.writeJSON(to: &out, live: liveFields(at: index))
        }
        out.append(UInt8(ascii: "]"))
    }
}
