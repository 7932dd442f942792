import Foundation
import Linnworks
@testable import Sandbox
import TestFixtures
import Testing

/// The hand-written order JSON (`JSONBytesEncodable`) must be byte for byte what the general
/// Codable encoder writes, for every model an order answer holds and for whole answers.
@Suite struct OrderJSONFastPathTests {
    static let awkwardTexts = [
        "", "plain", "quote \" backslash \\ slash /", "ctl \u{01}\u{1f}\u{7f} nl\n cr\r tab\t", "\u{0}",
        "é ☃ 😀 e\u{301} 日本", "\"", "\\", "ends with a control \u{08}",
    ]
    static let awkwardNumbers: [Double] = [
        0, -0.0, 0.1, 1e-7, 1e21, 123456789.123, .greatestFiniteMagnitude, -.greatestFiniteMagnitude, -2.5, -42,
        1e15, 999_999_999_999_999, -999_999_999_999_999, .leastNonzeroMagnitude, 0.30000000000000004, 1e16, 12.34, .nan, .infinity,
        -.infinity, Double(Int.min), Double(Int.max),
    ]
    static let awkwardIntegers = [
        0, -1, 1, Int.min, Int.max, 999_999_999_999_999, 1_000_000_000_000_000, -1_000_000_000_000_000, -42,
        9_007_199_254_740_993,
    ]

    @Test func allNilValuesOfEveryModelListEveryKey() throws {
        try expectSameJSON(OrderDetails())
        try expectSameJSON(OrderGeneralInfo())
        try expectSameJSON(ScheduledDelivery())
        try expectSameJSON(Identifier())
        try expectSameJSON(OrderShippingInfo())
        try expectSameJSON(OrderCustomerInfo())
        try expectSameJSON(CustomerAddress())
        try expectSameJSON(OrderTotalsInfo())
        try expectSameJSON(ExtendedProperty())
        try expectSameJSON(OrderNote())
        try expectSameJSON(OrderItem())
        try expectSameJSON(OrderItemOnOrder())
        try expectSameJSON(OrderItemOption())
        try expectSameJSON(OrderItemBinRack())
        try expectSameJSON(StockItemBoxConfiguration())
        try expectSameJSON(OpenOrdersDetailsResponse())
        try expectSameJSON(OpenOrdersPage())
        try expectSameJSON(OpenOrder())
        try expectSameJSON(OrderTaxInfo())
        try expectSameJSON(OrderFulfillmentState())
        try expectSameJSON(AssignResult())
        try expectSameJSON(AccountState.emptyOrderDetails())
        try expectSameJSON([OrderDetails]())
        try expectSameJSON([OrderDetails(), OrderDetails()])
    }

    @Test(arguments: [0, 1, 3])
    func fullyPopulatedModelsWithNestedItems(depth: Int) throws {
        var filler = ModelFiller.distinct
        try expectSameJSON(filler.details(depth: depth))
        try expectSameJSON([filler.details(depth: depth), filler.details(depth: depth)])
        try expectSameJSON(filler.openOrdersDetailsResponse(depth: depth))
        try expectSameJSON(filler.openOrdersPage(depth: depth))
        try expectSameJSON(filler.assignResult())
        var empty = ModelFiller.distinct
        empty.listLength = 0
        try expectSameJSON(empty.details(depth: depth))
        try expectSameJSON(empty.openOrdersPage(depth: depth))
    }

    /// Every awkward value reaches every kind of field: the lists are walked from every starting point.
    @Test func awkwardValuesInEveryField() throws {
        let rounds = max(Self.awkwardTexts.count, Self.awkwardNumbers.count, Self.awkwardIntegers.count)
        for round in 0..<rounds {
            var filler = ModelFiller(texts: Self.rotated(Self.awkwardTexts, by: round),
                                     numbers: Self.rotated(Self.awkwardNumbers, by: round),
                                     integers: Self.rotated(Self.awkwardIntegers, by: round), listLength: 1)
            try expectSameJSON(filler.details(depth: 1))
            try expectSameJSON(filler.openOrdersPage(depth: 1))
            try expectSameJSON(filler.assignResult())
        }
        for text in Self.awkwardTexts {
            var filler = ModelFiller(texts: [text], numbers: [0.1], integers: [7], listLength: 1)
            try expectSameJSON(filler.details(depth: 1))
        }
    }

    /// The stored details written with live fields laid over them equal the details with the
    /// fields applied, then encoded; also when there is no general info or no items to lay them on.
    @Test func liveFieldsWrittenOverStoredDetailsEqualAppliedThenEncoded() throws {
        var filler = ModelFiller.distinct
        filler.listLength = 3
        let full = filler.details(depth: 1)
        var noGeneralInfo = full
        noGeneralInfo.generalInfo = nil
        var noItems = full
        noItems.items = nil
        let lives = [
            LiveOrderFields(identifiers: [filler.identifier(), filler.identifier()],
                            stock: [.init(level: 40, promised: 3), nil, .init(level: -2, promised: 1_000_000)]),
            LiveOrderFields(identifiers: [], stock: [nil, nil, nil]),
        ]
        for (details, live) in [full, noGeneralInfo, noItems].flatMap({ details in lives.map { (details, $0) } }) {
            var applied = details
            live.apply(to: &applied)
            let general = try JSONValueEncoder.encode(applied).serialized()
            var fast: [UInt8] = []
            details.writeJSON(to: &fast, live: live)
            let same = fast == general
            #expect(same, "\(firstDifference(fast, general))")
        }
    }

    /// Both encoders spell scalars with the same helpers, so comparing them cannot catch a helper
    /// that is wrong; these spellings are the ones the sandbox wrote before the helpers were shared.
    @Test func scalarSpellingsAreUnchanged() {
        let strings: [(String, String)] = [
            ("", #""""#), ("plain", #""plain""#), ("quote \" backslash \\ slash /", #""quote \" backslash \\ slash /""#),
            ("ctl \u{01}\u{1f}\u{7f} nl\n cr\r tab\t", "\"ctl \\u0001\\u001f\u{7f} nl\\n cr\\r tab\\t\""),
            ("é☃😀 e\u{301}", "\"é☃😀 e\u{301}\""), ("\u{0}", #""\u0000""#), ("\u{1b}x", #""\u001bx""#),
        ]
        for (text, expected) in strings {
            #expect(String(decoding: JSONValue.string(text).serialized(), as: UTF8.self) == expected)
        }
        let numbers: [(Double, String)] = [
            (0, "0"), (-0.0, "0"), (0.1, "0.1"), (1e-7, "1e-07"), (1e21, "1e+21"), (123456789.123, "123456789.123"),
            (.greatestFiniteMagnitude, "1.7976931348623157e+308"), (-2.5, "-2.5"), (-42, "-42"),
            (Double(Int.min), "-9.223372036854776e+18"), (Double(Int.max), "9.223372036854776e+18"),
            (1e15, "1000000000000000.0"), (999_999_999_999_999, "999999999999999"),
            (-999_999_999_999_999, "-999999999999999"), (.nan, "null"), (.infinity, "null"), (.leastNonzeroMagnitude, "5e-324"),
            (0.30000000000000004, "0.30000000000000004"), (1e16, "1e+16"), (12.34, "12.34"), (7, "7"), (-7, "-7"),
            (10, "10"), (100_000, "100000"),
        ]
        for (number, expected) in numbers {
            #expect(String(decoding: JSONValue.number(number).serialized(), as: UTF8.self) == expected, "\(number)")
        }
        for integer in Self.awkwardIntegers {
            var out: [UInt8] = []
            integer.writeJSON(to: &out)
            let double = Double(integer)
            let expected = double == double.rounded() && abs(double) < 1e15 ? String(Int64(double)) : String(double)
            #expect(String(decoding: out, as: UTF8.self) == expected)
        }
    }

    static func rotated<T>(_ list: [T], by offset: Int) -> [T] {
        let start = offset % list.count
        return Array(list[start...] + list[..<start])
    }
}

/// The fast bytes equal the general encoder's; on a mismatch, says where.
func expectSameJSON<T: Encodable & JSONBytesEncodable>(_ value: T, sourceLocation: SourceLocation = #_sourceLocation) throws {
    let general = try JSONValueEncoder.encode(value).serialized()
    let fast = value.jsonBytes()
    let same = fast == general  // not inside #expect, which would print both buffers whole
    #expect(same, "\(T.self): \(firstDifference(fast, general))", sourceLocation: sourceLocation)
}

func firstDifference(_ fast: [UInt8], _ general: [UInt8]) -> String {
    let at = (0..<min(fast.count, general.count)).first { fast[$0] != general[$0] } ?? min(fast.count, general.count)
    func around(_ bytes: [UInt8]) -> String {
        String(decoding: bytes[max(0, at - 60)..<min(bytes.count, at + 60)], as: UTF8.self)
    }
    return "first difference at byte \(at) of \(fast.count)/\(general.count): fast …\(around(fast))… general …\(around(general))…"
}
