@testable import Bridge
import Testing

/// How a 3PL's order reference meets Linnworks' numbers and references.
@Suite struct OrderReferenceMatcherTests {
    @Test func prefixesSuffixesCaseAndSpacesAreIgnored() {
        let matcher = OrderReferenceMatcher(prefixes: ["#", "SO-"], suffixes: ["-A"])
        #expect(matcher.key(" #SO-1002-a ") == "1002")
        #expect(matcher.key("so-# 1002") == "1002", "stripped again until nothing changes")
        #expect(matcher.key("#") == "#", "a prefix alone is kept: nothing would be left")
    }

    @Test func anOrderIsFoundUnderItsNumberAndItsReferences() {
        var order = OrderSummary(id: "o1", orderNumber: 1002, reference: "#SO-55")
        order.externalReference = "AMZ-9"
        order.secondaryReference = ""
        #expect(OrderReferenceMatcher().keys(of: order) == ["1002", "55", "amz-9"])
    }

    @Test func lookUpsTryTheReferenceAsWrittenThenStripped() {
        let matcher = OrderReferenceMatcher()
        #expect(matcher.lookUpVariants(" #1002 ") == ["#1002", "1002"])
        #expect(matcher.lookUpVariants("1002") == ["1002"])
    }
}
