import CSV
import Foundation
import Support
import Testing

@Suite struct WriterTests {
    func encode(_ rows: [[CSVCell]], writer: CSVWriter = CSVWriter()) -> String {
        var out: [UInt8] = []
        for row in rows { writer.encodeRow(row, into: &out) }
        return String(decoding: out, as: UTF8.self)
    }

    @Test func quotingAndCRLF() {
        let text = encode([["plain", "a,b", "say \"hi\"", "two\nlines", " padded ", ""]])
        #expect(text == "plain,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",\" padded \",\r\n")
    }

    @Test(arguments: ["=HYPERLINK(\"http://x\")", "+1", "-2+3", "@SUM(1)", "\tcmd", "\rcmd"])
    func formulaGuardOnText(_ value: String) {
        #expect(FormulaGuard.isDangerous(value))
        let text = encode([[.text(value)]])
        #expect(text.hasPrefix("'") || text.hasPrefix("\"'"), "\(text)")
    }

    @Test func numbersAreNotGuarded() {
        #expect(encode([[.number("-5"), .text("-5"), .text("ok")]]) == "-5,'-5,ok\r\n")
        #expect(encode([[.text("=1")]], writer: CSVWriter(guardsFormulas: false)) == "=1\r\n")
    }

    @Test func roundTripThroughTheReader() throws {
        let rows: [[String]] = [
            ["SKU", "Title", "Note"],
            ["A,1", "Größe \"XL\"", "line1\r\nline2"],
            ["=HYPERLINK(\"x\")", "@SUM(1)", "-3"],
            ["漢字", "🙂", "\ttab"],
        ]
        for delimiter in [",", ";", "\t", "|"].map({ UInt8(ascii: Unicode.Scalar($0)!) }) {
            var out: [UInt8] = CSVWriter.utf8BOM
            let writer = CSVWriter(delimiter: delimiter)
            for row in rows { writer.encodeRow(row, into: &out) }
            let (dialect, records) = try readAll(out)
            #expect(dialect.delimiter == delimiter)
            #expect(dialect.encoding == .utf8WithBOM)
            let expected = rows.map { $0.map(FormulaGuard.neutralise) }
            #expect(records.map(\.fields) == expected)
            #expect(records.map(\.line) == [1, 2, 4, 5])
        }
    }

    @Test func fileIsAtomic() throws {
        let dir = temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = dir + "/out.csv"
        let file = try CSVFileWriter(destination: path, bom: true)
        try file.writeRow(["SKU", "Level"])
        try file.writeRow([.text("A"), .number("3")])
        #expect(!FileManager.default.fileExists(atPath: path), "nothing under the final name before commit")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir).count == 1)
        try file.commit()
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        #expect(bytes == CSVWriter.utf8BOM + Array("SKU,Level\r\nA,3\r\n".utf8))
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir) == ["out.csv"])

        let abandoned = try CSVFileWriter(destination: dir + "/gone.csv")
        try abandoned.writeRow(["x"])
        abandoned.discard()
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir) == ["out.csv"])
    }

    @Test func largeFileStreamsThrough() throws {
        let dir = temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = dir + "/big.csv"
        let file = try CSVFileWriter(destination: path)
        for i in 0..<50_000 { try file.writeRow([.text("SKU-\(i)"), .number("\(i % 100)")]) }
        try file.commit()
        let (_, records) = try readFile(path)
        #expect(records.count == 50_000)
        #expect(records.last?.fields == ["SKU-49999", "99"])
    }

    @Test func unwritableDirectoryIsATypedError() {
        #expect(throws: SystemError.self) { try CSVFileWriter(destination: "/nonexistent-dir/x.csv") }
    }
}

@Suite struct HeaderMatchingTests {
    static let columns = [
        ColumnSpec("sku", aliases: ["SKU", "Item Number", "Product Code", "Merchant SKU"], required: true),
        ColumnSpec("level", aliases: ["Level", "Stock Level", "Qty", "Quantity", "On Hand", "Available"], required: true),
        ColumnSpec("location", aliases: ["Location", "Location Name", "Warehouse"]),
    ]

    @Test(arguments: ["Stock Level", "stock_level", "STOCK-LEVEL", "StockLevel ", "\u{FEFF}Stock Level", "ï»¿stock.level", "  stock   level  "])
    func normalisation(_ header: String) {
        #expect(HeaderName.normalise(header) == "stocklevel")
    }

    @Test func aliasesMapToCanonicalColumns() throws {
        let map = try HeaderMap(headers: ["Merchant SKU", "Notes", "On-Hand", "WAREHOUSE"], columns: Self.columns)
        #expect(map.index(of: "sku") == 0)
        #expect(map.index(of: "level") == 2)
        #expect(map.index(of: "location") == 3)
        let noLocation = try HeaderMap(headers: ["sku", "qty"], columns: Self.columns)
        #expect(noLocation.index(of: "location") == nil)
    }

    @Test func configNamesOtherHeaders() throws {
        #expect(throws: HeaderError.self) { try HeaderMap(headers: ["Artikel", "Bestand"], columns: Self.columns) }
        let map = try HeaderMap(headers: ["Artikel", "Bestand"], columns: Self.columns,
                                extraAliases: ["sku": ["Artikel"], "level": ["Bestand"]])
        #expect(map.index(of: "sku") == 0)
        #expect(map.index(of: "level") == 1)
    }

    @Test func missingRequiredColumnNamesExpectedAndFound() {
        do {
            _ = try HeaderMap(headers: ["Product", "Count"], columns: Self.columns)
            Issue.record("expected an error")
        } catch {
            guard case let .missingColumns(missing, found) = error else {
                Issue.record("wrong error \(error)")
                return
            }
            #expect(missing.map(\.name) == ["sku", "level"])
            #expect(found == ["Product", "Count"])
            #expect(error.description.contains("sku"))
            #expect(error.description.contains("\"Product\""))
        }
    }

    @Test func duplicateEmptyAndAmbiguousHeaders() {
        #expect(throws: HeaderError.duplicateHeader("SKU", positions: [1, 3])) {
            try HeaderMap(headers: ["SKU", "Level", "sku"], columns: Self.columns)
        }
        #expect(throws: HeaderError.emptyHeader(position: 2)) {
            try HeaderMap(headers: ["SKU", " ", "Level"], columns: Self.columns)
        }
        #expect(throws: HeaderError.ambiguousColumn("level", headers: ["Qty", "Available"])) {
            try HeaderMap(headers: ["SKU", "Qty", "Available"], columns: Self.columns)
        }
    }
}
