import Foundation
import Linnworks
@testable import Sandbox
import Testing

/// The sandbox's hand-written fast paths must say exactly what the general ones say.
@Suite struct FastPathTests {
    @Test func stockItemLevelJSONEqualsTheCodableEncoding() throws {
        var full = StockItemLevel()
        var location = InventoryStockLocation()
        location.stockLocationID = "7b3c9d2e-4f5a-4b6c-8d7e-9f0a1b2c3d4e"
        location.stockLocationIntID = 2
        location.locationName = "3PL \"Warehouse\" ☃"
        location.isFulfilmentCentre = true
        full.location = location
        full.stockLevel = 40
        full.stockValue = 84.5
        full.minimumLevel = 0
        full.inOrderBook = 3
        full.due = 0
        full.isJustInTime = false
        full.inOrders = 3
        full.available = 37
        full.unitCost = 2.1
        full.sku = "MUG-BLU-01"
        full.autoAdjust = false
        full.lastUpdateDate = "2026-11-22T10:00:00Z"
        full.lastUpdateOperation = "Stock level set"
        full.rowID = GUID.make(0x5107_0001, 7)
        full.pendingUpdate = false
        full.purchasePrice = 2.1
        full.stockItemID = "685f6e9a-05dd-5df1-998d-9fa9474a88bb"
        full.stockItemIntID = 7
        for level in [full, StockItemLevel()] {
            let general = try JSONValueEncoder.encode(level).serialized()
            #expect(level.jsonBytes() == general)
        }
    }

    @Test(arguments: [(UInt32(0x5107_0000), UInt64(0)), (UInt32(0x5107_0001), UInt64(42)), (UInt32.max, UInt64.max), (UInt32(0x0bde_0000), UInt64(100_001))])
    func guidMatchesTheFormatString(_ pair: (UInt32, UInt64)) {
        let (kind, number) = pair
        let expected = String(format: "%08x-%04x-4%03x-8%03x-%012llx", kind, (number >> 48) & 0xFFFF,
                              (number >> 36) & 0xFFF, (number >> 24) & 0xFFF, number & 0xFFFF_FFFF_FFFF)
        #expect(GUID.make(kind, number) == expected)
    }

    @Test func formUnescaping() {
        #expect(Parameters.unescape("a+b%20c%2B%7B%22x%22%3A1%7D") == "a b c+{\"x\":1}")
        #expect(Parameters.unescape("caf%C3%A9") == "café")
        #expect(Parameters.unescape("100%") == "100%")
        #expect(Parameters.unescape("%zz%41") == "%zzA")
        #expect(Parameters.unescape("%4") == "%4")
        #expect(Parameters.unescape("%%41") == "%A")
    }
}
