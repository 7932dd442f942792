import Foundation
@testable import Linnworks
import Sandbox
import Support
import TestFixtures
import Testing

/// The fast order reader must answer exactly what `JSONDecoder` answers, or give up.
@Suite struct JSONReaderTests {
    /// Real answers from the sandbox over HTTP, all orders of a synthetic account, read both ways.
    @Test func sandboxAnswersReadAsJSONDecoderReadsThem() async throws {
        let fixture = try ClientFixture(sandbox: { $0.seed = "synthetic:skus=120,orders=1500" })
        defer { fixture.server.stop() }
        let ids = fixture.server.snapshot().orders.map(\.orderID)
        let raw = try await RawSandbox(fixture.server)
        var orders = 0
        for start in stride(from: 0, to: ids.count, by: 250) {
            let chunk = Array(ids[start..<min(ids.count, start + 250)])
            let body = try await raw.call("Orders/GetOrdersById", form: ["pkOrderIds": String(decoding: try JSONEncoder().encode(chunk), as: UTF8.self)])
            let slow = try JSONDecoder().decode([OrderDetails].self, from: body)
            let fast = try #require([OrderDetails].read(body), "the fast reader gave up on a sandbox answer")
            #expect(fast == slow)
            #expect(fast.count == chunk.count)
            orders += fast.count
        }
        #expect(orders == 1500)
        // The client really goes the fast way for these answers (and gets the same values).
        let viaClient = try await fixture.client.getOrdersById(Array(ids.prefix(40)))
        #expect(viaClient.map(\.orderID) == Array(ids.prefix(40)))
    }

    /// Stock pages as the stock-level export reads them, with every data requirement the sandbox serves.
    @Test func stockPagesReadAsJSONDecoderReadsThem() async throws {
        let fixture = try ClientFixture(sandbox: { $0.seed = "synthetic:skus=900,orders=0" })
        defer { fixture.server.stop() }
        let raw = try await RawSandbox(fixture.server)
        var items = 0
        for (page, requirements) in [(1, #"["StockLevels"]"#), (2, #"["StockLevels","Supplier","ChannelTitle","ChannelPrice","ExtendedProperties","Images","ChannelDescription"]"#), (3, "[]"), (4, #"["StockLevels"]"#), (5, #"["StockLevels"]"#)] {
            let body = try await raw.call("Stock/GetStockItemsFull", form: [
                "keyword": "", "loadCompositeParents": "false", "loadVariationParents": "false", "entriesPerPage": "200",
                "pageNumber": String(page), "dataRequirements": requirements, "searchTypes": #"["SKU","Title","Barcode"]"#,
            ])
            let slow = try JSONDecoder().decode([StockItemFull].self, from: body)
            let fast = try #require([StockItemFull].read(body), "the fast reader gave up on page \(page)")
            #expect(fast == slow)
            items += fast.count
        }
        #expect(items == 900)
        let levels = try await fixture.client.getAllStockItemsFull()
        #expect(levels.count == 900)
        #expect(levels.allSatisfy { ($0.stockLevels ?? []).isEmpty == false })
    }

    @Test func everyFieldOfEveryStockModelIsRead() throws {
        var distinct = ModelFiller.distinct
        distinct.listLength = 3
        let items = [distinct.stockItemFull(), distinct.stockItemFull(), StockItemFull()]
        let data = try JSONEncoder().encode(items)
        let fast = try #require([StockItemFull].read(data))
        #expect(fast == items)
        #expect(fast == (try JSONDecoder().decode([StockItemFull].self, from: data)))
    }

    @Test func everyFieldOfEveryModelIsRead() throws {
        // Every property set, each to a value of its own, through JSONEncoder: the fast reader must
        // fill each one into its own field; awkward texts and numbers must come through too.
        var distinct = ModelFiller.distinct
        var awkward = ModelFiller(texts: ["\"q\" \\ / é ☃ 😀", "\u{01}\n\t", "", "=SUM(1)"],
                                  numbers: [0, -0.0, 0.1, 1e-7, 1e21, 123456789.123, -2.5, .greatestFiniteMagnitude],
                                  integers: [Int.min, Int.max, 0, -1])
        let orders = [distinct.details(depth: 2), awkward.details(depth: 1), OrderDetails()]
        let data = try JSONEncoder().encode(orders)
        let fast = try #require([OrderDetails].read(data))
        #expect(fast == orders)
        #expect(fast == (try JSONDecoder().decode([OrderDetails].self, from: data)))
    }

    @Test func duplicateKeysKeepTheFirstLikeJSONDecoder() throws {
        let text = #"[{"OrderId":"a","NumOrderId":1,"OrderId":"b","NumOrderId":null,"Unknown":{"x":[1,2,{"y":null}]}}]"#
        let data = Data(text.utf8)
        let fast = try #require([OrderDetails].read(data))
        #expect(fast == (try JSONDecoder().decode([OrderDetails].self, from: data)))
        #expect(fast.first?.orderID == "a")
        #expect(fast.first?.orderNumber == 1)
    }

    @Test(arguments: [
        #""plain""#, #""caf\u00e9 \u2603 \ud83d\ude00""#, #""tab\tnew\nline\r\"q\" back\\ slash\/""#,
        #""nul\u0000byte""#, "\"raw é ☃ 😀\"", #""\b\f""#, #""""#,
    ])
    func stringsReadAsJSONDecoderReadsThem(_ literal: String) throws {
        let data = Data("[{\"OrderId\":\(literal)}]".utf8)
        let fast = try #require([OrderDetails].read(data))
        #expect(fast == (try JSONDecoder().decode([OrderDetails].self, from: data)))
    }

    @Test(arguments: [
        #""\ud800""#, #""\udc00x""#, #""\ud800\u0041""#, #""\x""#, #""\u12G4""#, "\"a\u{01}b\"", "\"unterminated",
    ])
    func doubtfulStringsAreLeftToJSONDecoder(_ literal: String) {
        #expect([OrderDetails].read(Data("[{\"OrderId\":\(literal)}]".utf8)) == nil)
    }

    @Test func invalidUTF8IsLeftToJSONDecoder() {
        var bytes = Array(#"[{"OrderId":"ab"}]"#.utf8)
        bytes.insert(0xFF, at: 14)
        #expect([OrderDetails].read(Data(bytes)) == nil)
        #expect((try? JSONDecoder().decode([OrderDetails].self, from: Data(bytes))) == nil)
    }

    @Test func numbersConvertExactlyAsJSONDecoderDoes() throws {
        var generator = SplitMix64(seed: 20261122)
        var checked = 0
        for _ in 0..<20_000 {
            let text = generator.numberLiteral()
            let data = Data("[{\"TotalsInfo\":{\"Subtotal\":\(text)},\"NumOrderId\":\(generator.intLiteral())}]".utf8)
            let slow = try? JSONDecoder().decode([OrderDetails].self, from: data)
            if let fast = [OrderDetails].read(data) {
                #expect(fast == slow, "\(String(decoding: data, as: UTF8.self))")
                checked += 1
            }
        }
        // A third of the integer literals ("1.0", one past Int.max) are left to JSONDecoder on purpose.
        #expect(checked > 11_000)
    }

    @Test func integersAtTheEdges() throws {
        for value in [Int.min, Int.max, 0, -1, 1] {
            let data = Data("[{\"NumOrderId\":\(value)}]".utf8)
            #expect(try #require([OrderDetails].read(data)).first?.orderNumber == value)
        }
        for text in ["9223372036854775808", "-9223372036854775809", "01", "1.0", "1e2", "-", "+1", "0x10"] {
            #expect([OrderDetails].read(Data("[{\"NumOrderId\":\(text)}]".utf8)) == nil, "\(text)")
        }
    }

    @Test func nestingBeyondTheLimitIsLeftToJSONDecoder() {
        let deep = String(repeating: "[", count: 100) + String(repeating: "]", count: 100)
        #expect([OrderDetails].read(Data("[{\"Unknown\":\(deep)}]".utf8)) == nil)
        let shallow = String(repeating: "[", count: 20) + String(repeating: "]", count: 20)
        #expect([OrderDetails].read(Data("[{\"Unknown\":\(shallow)}]".utf8)) == [OrderDetails()])
    }

    /// Thousands of mangled answers: wherever the fast reader answers, JSONDecoder answers the same.
    @Test func mangledAnswersNeverReadDifferently() throws {
        var filler = ModelFiller.distinct
        filler.listLength = 1
        let orders = Array(try JSONEncoder().encode([filler.details(depth: 1), filler.details(depth: 0)]))
        try Self.expectMangledAnswersAgree([OrderDetails].self, base: orders, seed: 7)
        let stock = Array(try JSONEncoder().encode([filler.stockItemFull(), filler.stockItemFull()]))
        try Self.expectMangledAnswersAgree([StockItemFull].self, base: stock, seed: 8)
    }

    /// JSON_READER_ROUNDS=300000 for a long run by hand; JSON_READER_SEED to vary the cases.
    static func expectMangledAnswersAgree<Answer: JSONReadable & Equatable>(_ type: Answer.Type, base: [UInt8],
                                                                           seed: UInt64) throws {
        let environment = ProcessInfo.processInfo.environment
        var generator = SplitMix64(seed: environment["JSON_READER_SEED"].flatMap(UInt64.init) ?? seed)
        var answered = 0, refused = 0
        for _ in 0..<(environment["JSON_READER_ROUNDS"].flatMap(Int.init) ?? 6_000) {
            var bytes = base
            for _ in 0...generator.below(3) { generator.mangle(&bytes) }
            let data = Data(bytes)
            let slow = try? JSONDecoder().decode(Answer.self, from: data)
            if let fast = Answer.read(data) {
                answered += 1
                #expect(fast == slow, "\(String(decoding: data, as: UTF8.self))")
            } else {
                refused += 1
            }
        }
        #expect(answered > 500)
        #expect(refused > 500)
    }

    @Test func answersWithoutAFastReaderStillDecode() throws {
        let data = Data(#"{"Changed":["a"],"NotChanged":[]}"#.utf8)
        let result = try AnswerDecoder.decode(AssignResult.self, from: data)
        #expect(result.changed == ["a"])
        #expect(throws: (any Error).self) { try AnswerDecoder.decode([OrderDetails].self, from: Data("[1]".utf8)) }
        #expect(throws: (any Error).self) { try AnswerDecoder.decode([OrderDetails].self, from: Data()) }
        // JSONDecoder takes what the fast reader refuses: "1.0" is an Int to it.
        let lenient = try AnswerDecoder.decode([OrderDetails].self, from: Data(#"[{"NumOrderId":1.0}]"#.utf8))
        #expect(lenient.first?.orderNumber == 1)
    }
}
