@testable import Bridge
import CSV
import Testing

/// The row rules of a shipment file, one row at a time.
@Suite struct ShipmentRowValidatorTests {
    func validate(_ text: String) throws -> [ShipmentRowValidator.Outcome] {
        let reader = try CSVReader(input: BytesInput(text))
        let header = try #require(try reader.nextRecord())
        let validator = ShipmentRowValidator(header: try HeaderMap(headers: header.strings(), columns: ShipmentColumns.all))
        var outcomes: [ShipmentRowValidator.Outcome] = []
        while let record = try reader.nextRecord() { outcomes.append(validator.validate(record)) }
        return outcomes
    }

    func code(_ outcome: ShipmentRowValidator.Outcome) -> RowErrorCode? {
        if case let .rejected(error) = outcome { return error.code }
        return nil
    }

    @Test func aGoodRowKeepsWhatTheOrderRulesNeed() throws {
        let outcomes = try validate("Order Number,Tracking Number,Carrier,Weight,Postage Cost\n #1001 ,RM1GB, DPD ,\"2,5\",£3.20\n")
        guard case let .row(row) = outcomes[0] else { Issue.record("\(outcomes)"); return }
        #expect(row.line == 2 && row.reference == "#1001" && row.trackingNumber == "RM1GB" && row.service == "DPD")
        #expect(row.weight == 2.5 && row.cost == 3.2, "a decimal comma and a currency sign are read")
    }

    @Test func anEmptyOrLoneHashReferenceIsMissing() throws {
        #expect(try validate("Order Number,Tracking\n,T1\n#,T2\n").map(code) == [.missingOrder, .missingOrder])
    }

    @Test func trackingTurnedIntoScientificNotationIsRefused() throws {
        #expect(try validate("Order Number,Tracking\n1,1.23E+11\n2,5E+14\n3,123000000000\n").map(code) == [.badTracking, .badTracking, nil])
    }

    @Test func weightsAndCostsMustBeNumbersOfZeroOrMore() throws {
        #expect(try validate("Order Number,Tracking,Weight,Cost\n1,T,-1,\n2,T,heavy,\n3,T,1kg,x\n4,T,0,0\n").map(code)
                    == [.badNumber, .badNumber, .badNumber, nil])
    }

    @Test func voidedRowsAreSetAside() throws {
        let outcomes = try validate("Order Number,Tracking,Voided\n1,T,yes\n2,T,\n3,T,VOID\n")
        #expect(outcomes[0] == .voided && outcomes[2] == .voided)
        #expect(code(outcomes[1]) == nil)
    }

    @Test func aRecordThatCannotBeReadIsABadRecord() throws {
        #expect(try validate("Order Number,Tracking\n1,\"T\"x\n").map(code) == [.badRecord])
    }
}
