@testable import Bridge
import CSV
import Testing

@Suite struct StockRowValidatorTests {
    func validate(_ text: String) throws -> [Result<StockRow, RowError>] {
        let reader = try CSVReader(input: BytesInput(text))
        let header = try #require(try reader.nextRecord())
        let map = try HeaderMap(headers: header.strings(), columns: StockColumns.all)
        var validator = StockRowValidator(header: map)
        var results: [Result<StockRow, RowError>] = []
        while let record = try reader.nextRecord() { results.append(validator.validate(record)) }
        return results
    }

    @Test func validRows() throws {
        let results = try validate("""
        Merchant SKU,Qty On Hand,Warehouse
        A-1,12,3PL Warehouse
         B-2 , 12.0 ,
        C-3,0,00000000-0000-0000-0000-00000000000A
        """)
        #expect(results == [
            .success(StockRow(line: 2, sku: "A-1", level: 12, location: .name("3PL Warehouse"))),
            .success(StockRow(line: 3, sku: "B-2", level: 12, location: .defaultLocation)),
            .success(StockRow(line: 4, sku: "C-3", level: 0, location: .id("00000000-0000-0000-0000-00000000000a"))),
        ])
    }

    @Test func theLargestLevelLinnworksTakesIsAccepted() throws {
        let results = try validate("SKU,Level\nA-1,2147483647\nB-2,002147483647.00\n")
        #expect(results.map { (try? $0.get())?.level } == [2_147_483_647, 2_147_483_647])
    }

    @Test(arguments: [("12.5", "not a whole number"), ("1.2E+3", "scientific notation"), ("-3", "below zero"),
                      ("lots", "not a number"), ("", "is empty"), ("1,200", "not a number"),
                      ("99999999999999999999", "too large"), ("2147483648", "at most 2147483647"),
                      ("12.0.0", "not a number")])
    func badLevels(_ pair: (String, String)) throws {
        let results = try validate("SKU,Level\nA-1,\"\(pair.0)\"\n")
        guard case let .failure(error) = results[0] else {
            Issue.record("\(pair.0) accepted")
            return
        }
        #expect(error.code == .badLevel)
        #expect(error.line == 2)
        #expect(error.message.contains("SKU A-1"))
        #expect(error.message.contains(pair.1), "\(error.message)")
    }

    @Test func missingSKUAndBadRecord() throws {
        let results = try validate("SKU,Level\n  ,4\nA,\"1\"x\nB,2,3\n")
        let codes = results.map { (try? $0.get()) == nil ? $0.failureCode : nil }
        #expect(codes == [.missingSKU, .badRecord, .badRecord])
        if case let .failure(error) = results[2] {
            #expect(error.message == "This row could not be read: the record has 3 fields but the header has 2.")
        }
    }

    @Test func guidRecognition() {
        #expect(LocationID.isGUID("00000000-0000-0000-0000-000000000000"))
        #expect(LocationID.isGUID("3F2504E0-4F89-11D3-9A0C-0305E82C3301"))
        #expect(!LocationID.isGUID("3F2504E0-4F89-11D3-9A0C-0305E82C330"))
        #expect(!LocationID.isGUID("3F2504E0x4F89-11D3-9A0C-0305E82C3301"))
        #expect(!LocationID.isGUID("Default"))
    }
}

extension Result where Failure == RowError {
    var failureCode: RowErrorCode? {
        if case let .failure(error) = self { return error.code }
        return nil
    }
}
