import Testing
@testable import Bridge

@Suite struct ConfigClosestMatchTests {
    @Test(arguments: [
        ("colums", "columns"), ("batchsize", "batchSize"), ("BATCHSIZE", "batchSize"), ("maxInflight", "maxInFlight"),
        ("lcoations", "locations"), ("stripPrefix", "stripPrefixes"), ("sku", "sku"),
    ])
    func closeMisspellingsAreSuggested(typed: String, meant: String) {
        let known = StockFeedSettings.keys + ShipmentFeedSettings.keys + StockFeedSettings.columnNames
        #expect(ClosestMatch.suggestion(for: typed, among: known) == meant)
    }

    @Test(arguments: ["price", "x", "timeout", "defaultWarehouse"])
    func distantNamesGetNoSuggestion(typed: String) {
        let known = StockFeedSettings.keys + StockFeedSettings.columnNames
        #expect(ClosestMatch.suggestion(for: typed, among: known) == nil)
    }

    @Test func editDistanceCountsASwapAsOneEdit() {
        #expect(ClosestMatch.editDistance("abcd", "abdc") == 1)
        #expect(ClosestMatch.editDistance("kitten", "sitting") == 3)
        #expect(ClosestMatch.editDistance("", "abc") == 3)
    }
}
