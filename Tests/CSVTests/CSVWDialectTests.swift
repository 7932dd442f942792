import CSV
import Testing

/// Files in the shapes of the W3C CSVW dialect tests (BOM, other delimiters, backslash escapes,
/// comment lines, leading skipped rows, ragged rows, padded cells, no header): each reads to
/// records, or to a record whose problem names what is wrong — never a crash or a silent loss.
@Suite struct CSVWDialectTests {
    static let shapes: [(name: String, text: String)] = [
        ("bom-and-crlf", "\u{FEFF}countryCode,latitude,longitude,name\r\nAD,42.5,1.6,Andorra\r\nAE,23.4,53.8,\"United Arab Emirates\"\r\n"),
        ("tab-separated", "countryCode\tlatitude\tname\nAD\t42.5\tAndorra\nAF\t33.9\tAfghanistan\n"),
        ("backslash-escaped-quote", "id,text\n1,\"say \\\"hi\\\"\"\n2,plain\n"),
        ("comment-lines", "# produced by a 3PL system\n# 2026-11-22\nSKU,Level\nA,1\n"),
        ("skip-rows-of-title", "Stock report\nWarehouse: Leeds\n\nSKU,Level\nA,1\n"),
        ("ragged-trailing-delimiters", "SKU,Level,\nA,1,\nB,2,,\n"),
        ("padded-cells", "SKU , Level \n  A  ,  1  \n"),
        ("no-header", "A,1\nB,2\n"),
        ("empty-fields-and-quotes", "a,b,c\n,,\n\"\",\"\",\"\"\n"),
        ("lone-cr-inside-quotes", "a,b\n\"x\ry\",2\n"),
        ("pipe-with-quotes", "SKU|Title|Level\nA|\"Mug | blue\"|3\n"),
        ("semicolon-decimal-comma", "SKU;Preis;Bestand\nA;1,50;3\n"),
    ]

    @Test(arguments: shapes.map(\.name))
    func readsToRecordsOrNamedProblems(_ name: String) throws {
        let text = try #require(Self.shapes.first { $0.name == name }?.text)
        for chunk in [1, 3, 1 << 20] {
            let (_, records) = try readAll(Array(text.utf8), CSVReaderOptions(chunkSize: chunk))
            #expect(!records.isEmpty, "\(name): nothing read")
            let lines = records.map(\.line)
            #expect(lines == lines.sorted() && Set(lines).count == lines.count)
            let bytesOut = records.reduce(0) { $0 + $1.fields.reduce(0) { $0 + $1.utf8.count } }
            #expect(bytesOut > 0)
            for record in records {
                if let problem = record.problem { #expect(!problem.description.isEmpty) }
            }
        }
    }

    @Test func shapesThatAreMalformedSayWhere() throws {
        let backslash = try readAll("id,text\n1,\"say \\\"hi\\\"\"\n2,plain\n")
        #expect(backslash[1].problem == .textAfterClosingQuote, "backslash escapes are not RFC 4180: reported, not guessed")
        #expect(backslash[1].line == 2)
        #expect(backslash[2] == ReadRecord(line: 3, fields: ["2", "plain"]))
        let ragged = try readAll("SKU,Level,\nA,1,\nB,2,,\n")
        #expect(ragged[2].problem == .fieldCount(expected: 3, found: 4))
        let titled = try readAll("Stock report\nWarehouse: Leeds\n\nSKU,Level\nA,1\n")
        #expect(titled.map(\.line) == [1, 2, 4, 5])
        #expect(titled[2].problem == .fieldCount(expected: 1, found: 2), "a title row becomes the header; the real header is reported")
    }
}
