import Foundation
import Linnworks
@testable import Sandbox
import TestFixtures
import Testing

/// The hand-written stock JSON (`StockItemFull+JSONBytes.swift`) must be byte for byte what the
/// general Codable encoder writes, for every model a stock answer holds and for whole answers.
@Suite struct StockItemFullJSONTests {
    @Test func allNilValuesOfEveryModelListEveryKey() throws {
        try expectSameJSON(StockItemFull())
        try expectSameJSON(StockItemSupplierStat())
        try expectSameJSON(StockItemDescription())
        try expectSameJSON(StockItemExtendedProperty())
        try expectSameJSON(StockItemTitle())
        try expectSameJSON(StockItemPrice())
        try expectSameJSON(StockItemPricingRule())
        try expectSameJSON(StockItemImage())
        try expectSameJSON(StockItemLevel())
        try expectSameJSON(InventoryStockLocation())
        try expectSameJSON([StockItemFull]())
        try expectSameJSON([StockItemFull(), StockItemFull()])
        try expectSameJSON([StockItemLevel(), StockItemLevel()])
    }

    @Test(arguments: [0, 1, 3])
    func fullyPopulatedModels(listLength: Int) throws {
        var filler = ModelFiller.distinct
        filler.listLength = listLength
        try expectSameJSON(filler.stockItemFull())
        try expectSameJSON([filler.stockItemFull(), filler.stockItemFull()])
        try expectSameJSON(filler.stockItemSupplierStat())
        try expectSameJSON(filler.stockItemDescription())
        try expectSameJSON(filler.stockItemExtendedProperty())
        try expectSameJSON(filler.stockItemTitle())
        try expectSameJSON(filler.stockItemPrice())
        try expectSameJSON(filler.stockItemPricingRule())
        try expectSameJSON(filler.stockItemImage())
        try expectSameJSON(filler.stockItemLevel())
        try expectSameJSON(ModelFiller.list(listLength) { filler.stockItemLevel() })
        try expectSameJSON(filler.inventoryStockLocation())
    }

    /// Every awkward value reaches every kind of field: the lists are walked from every starting point.
    @Test func awkwardValuesInEveryField() throws {
        let texts = OrderJSONFastPathTests.awkwardTexts
        let numbers = OrderJSONFastPathTests.awkwardNumbers
        let integers = OrderJSONFastPathTests.awkwardIntegers
        for round in 0..<max(texts.count, numbers.count, integers.count) {
            var filler = ModelFiller(texts: OrderJSONFastPathTests.rotated(texts, by: round),
                                     numbers: OrderJSONFastPathTests.rotated(numbers, by: round),
                                     integers: OrderJSONFastPathTests.rotated(integers, by: round), listLength: 1)
            try expectSameJSON(filler.stockItemFull())
            try expectSameJSON([filler.stockItemLevel(), filler.stockItemLevel()])
        }
        for text in texts {
            var filler = ModelFiller(texts: [text], numbers: [0.1], integers: [7], listLength: 1)
            try expectSameJSON(filler.stockItemFull())
        }
    }
}

/// Whole stock answers of a synthetic account, as served, equal the general encoder's answers.
///
/// Each call goes through `SandboxAPI` (the fast path); the expected answer is the same account's
/// values, encoded with `JSONValueEncoder`. Reads change nothing, so the account is asked again;
/// a write's expected answer is the written levels as the account now holds them (two accounts
/// would not do: a write stamps the time). Every page is read at several page sizes, before and
/// after the writes.
@Suite struct StockAnswerBytesTests {
    @Test(arguments: ["synthetic:skus=2000,orders=0", "synthetic:skus=150,orders=400"])
    func everyStockAnswerOfASyntheticAccountIsByteIdentical(seedText: String) throws {
        var options = SandboxOptions()
        options.seed = seedText
        options.isRateLimited = false
        options.keepsCallRecords = false
        let seed = try options.loadSeed()
        let account = try SandboxAccount(seed: seed)
        let api = try SandboxAPI(account: account, options: options)
        let harness = OrderAnswerBytesTests.Harness(api: api, token: try OrderAnswerBytesTests.authorize(api))
        let skus = seed.stockItems.count

        func everyPage(perPage: Int, keyword: String = "", requirements: String = #"["StockLevels"]"#) throws {
            let matching = keyword.isEmpty ? skus : seed.stockItems.filter {
                $0.sku.lowercased().contains(keyword) || $0.title.lowercased().contains(keyword)
                    || ($0.barcode?.lowercased().contains(keyword) ?? false)
            }.count
            for page in 1...(matching / perPage + 2) {  // past the last page too, for the empty answer
                let form = ["keyword": keyword, "entriesPerPage": String(perPage), "pageNumber": String(page),
                            "dataRequirements": requirements, "loadCompositeParents": "false",
                            "loadVariationParents": "false", "searchTypes": #"["SKU","Title","Barcode"]"#]
                try harness.expectSame("Stock/GetStockItemsFull", form: form) {
                    try JSONValueEncoder.encode(account.getStockItemsFull($0))
                }
            }
        }
        for perPage in [200, 7, 1] where perPage > 1 || skus <= 200 {
            try everyPage(perPage: perPage)
        }
        try everyPage(perPage: 200, requirements: "[]")
        try everyPage(perPage: 50, requirements: #"["Images"]"#)
        try everyPage(perPage: 13, keyword: "1")

        // Stock writes, answered by the same level writer, then every page again with the new levels.
        let locations = [SyntheticAccount.defaultLocationID, SyntheticAccount.warehouseLocationID]
        for (round, absolute) in [(0, true), (1, false)] {
            let indices = Array(stride(from: round, to: skus, by: 3).prefix(999))
            let rows = indices.map { index in
                #"{"SKU":"\#(seed.stockItems[index].sku)","LocationId":"\#(locations[index % 2])","Level":\#(index % 50 - 10)}"#
            }
            let form = ["stockLevels": "[" + (rows + [#"{"SKU":"NO-SUCH-SKU","Level":1}"#]).joined(separator: ",") + "]"]
            try harness.expectSame(absolute ? "Stock/SetStockLevel" : "Stock/UpdateStockLevelsBySKU", form: form) { _ in
                try JSONValueEncoder.encode(account.state.withLock { state in
                    indices.map { state.stockItemLevel(item: $0, location: $0 % 2) }
                })
            }
        }
        try everyPage(perPage: 200)
        try everyPage(perPage: 7)
        #expect(harness.comparisons > skus / 7)
    }
}
