import Linnworks

/// Stock levels written straight to a JSON tree, without the Codable machinery.
///
/// Exists because `SetStockLevel` answers up to 1,000 `StockItemLevel`s per call and the generic
/// encoder spent more time than everything else the sandbox does, starving the client it shares a
/// machine with in load tests. The output is the Codable encoding exactly (keys, order, nulls);
/// a test compares the two.
extension StockItemLevel {
    var jsonValue: JSONValue {
        .object([
            ("Location", location.map(\.jsonValue) ?? .null),
            ("StockLevel", number(stockLevel)),
            ("StockValue", number(stockValue)),
            ("MinimumLevel", number(minimumLevel)),
            ("InOrderBook", number(inOrderBook)),
            ("Due", number(due)),
            ("JIT", bool(isJustInTime)),
            ("InOrders", number(inOrders)),
            ("Available", number(available)),
            ("UnitCost", number(unitCost)),
            ("SKU", string(sku)),
            ("AutoAdjust", bool(autoAdjust)),
            ("LastUpdateDate", string(lastUpdateDate)),
            ("LastUpdateOperation", string(lastUpdateOperation)),
            ("rowid", string(rowID)),
            ("PendingUpdate", bool(pendingUpdate)),
            ("StockItemPurchasePrice", number(purchasePrice)),
            ("StockItemId", string(stockItemID)),
            ("StockItemIntId", number(stockItemIntID)),
        ])
    }
}

extension InventoryStockLocation {
    var jsonValue: JSONValue {
        .object([
            ("StockLocationId", string(stockLocationID)),
            ("StockLocationIntId", number(stockLocationIntID)),
            ("LocationName", string(locationName)),
            ("LocationTag", string(locationTag)),
            ("IsFulfillmentCenter", bool(isFulfilmentCentre)),
            ("IsWarehouseManaged", bool(isWarehouseManaged)),
            ("BinRack", string(binRack)),
        ])
    }
}

private func number(_ value: Int?) -> JSONValue { value.map { .number(Double($0)) } ?? .null }
private func number(_ value: Double?) -> JSONValue { value.map(JSONValue.number) ?? .null }
private func bool(_ value: Bool?) -> JSONValue { value.map(JSONValue.bool) ?? .null }
private func string(_ value: String?) -> JSONValue { value.map(JSONValue.string) ?? .null }
