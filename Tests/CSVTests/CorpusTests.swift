import CSV
import Foundation
import Testing

/// The public corpora nobody here wrote: csv-spectrum with its expected records, csvkit's examples.
@Suite struct CorpusTests {
    static let spectrumFiles = Corpus.files("spectrum/csvs").filter { $0.hasSuffix(".csv") }
    static let csvkitFiles = Corpus.files("csvkit/examples")

    @Test func corpusIsPresentOrSaysSkipped() {
        if Corpus.root == nil {
            print("note: ../shared/corpus is absent; corpus tests skipped (they run in CI and on team machines)")
        } else {
            #expect(Self.spectrumFiles.count >= 10)
            #expect(Self.csvkitFiles.count >= 50)
        }
    }

    @Test(arguments: spectrumFiles, [1, 3, 7, 64, 1 << 20])
    func spectrumCaseMatchesItsJSONTwin(path: String, chunkSize: Int) throws {
        let name = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
        let jsonPath = URL(fileURLWithPath: path).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("json/\(name).json").path
        let expected = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: jsonPath))) as! [[String: String]]
        var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        if name.hasSuffix("_crlf"), !bytes.contains(0x0D) {
            // This copy of the corpus has LF line ends in the *_crlf files although their JSON
            // twins expect CRLF inside quoted fields; restore the CRLF the case is about.
            bytes = bytes.flatMap { $0 == 0x0A ? [0x0D, 0x0A] : [$0] }
        }
        let (_, records) = try readAll(bytes, CSVReaderOptions(delimiter: UInt8(ascii: ","), chunkSize: chunkSize))
        guard let header = records.first else {
            Issue.record("\(name): no header read")
            return
        }
        let rows = records.dropFirst().map { record in
            Dictionary(uniqueKeysWithValues: zip(header.fields, record.fields))
        }
        #expect(rows == expected, "\(name) with chunk size \(chunkSize)")
        #expect(records.allSatisfy { $0.problem == nil }, "\(name): \(records)")
    }

    @Test(arguments: csvkitFiles)
    func csvkitExampleReadsToRecordsOrClearProblems(path: String) throws {
        let (_, records) = try readFile(path, CSVReaderOptions(chunkSize: 4096, maxRecordBytes: 1 << 20))
        for record in records {
            #expect(record.line >= 1)
            if let problem = record.problem { #expect(!problem.description.isEmpty) }
        }
        let small = try readFile(path, CSVReaderOptions(chunkSize: 5))
        #expect(small.1 == records, "chunk size must not change what is read: \(path)")
    }

    @Test func csvkitDialects() throws {
        guard let root = Corpus.root else { return }
        let dir = root + "/csvkit/examples/"

        let (tsv, tsvRecords) = try readFile(dir + "dummy.tsv")
        #expect(tsv.delimiter == UInt8(ascii: "\t"))
        #expect(tsvRecords.map(\.fields) == [["a", "b", "c"], ["1", "2", "3"]])

        let (mac, macRecords) = try readFile(dir + "mac_newlines.csv")
        #expect(mac.delimiter == UInt8(ascii: ","))
        #expect(macRecords.map(\.fields) == [["a", "b", "c"], ["1", "2", "3"], ["Once upon\ra time", "5", "6"]])
        #expect(macRecords.map(\.line) == [1, 2, 3])

        let (latin1, latinRecords) = try readFile(dir + "test_latin1.csv")
        #expect(latin1.encoding == .windows1252)
        #expect(latinRecords.last?.fields == ["4", "5", "©"])

        for name in ["test_utf16_little.csv", "test_utf16_big.csv"] {
            let (utf16, records) = try readFile(dir + name)
            #expect(utf16.encoding == (name.contains("little") ? .utf16LittleEndian : .utf16BigEndian))
            #expect(records.map(\.fields) == [["a", "b", "c"], ["1", "2", "3"], ["4", "5", "ʤ"]], "\(name)")
        }

        let (bom, bomRecords) = try readFile(dir + "test_utf8_bom.csv")
        #expect(bom.encoding == .utf8WithBOM)
        #expect(bomRecords.first?.fields.first == "foo")

        let (_, nul) = try readFile(dir + "null_byte.csv")
        #expect(nul.count == 2)
        #expect(nul[1].problem == .nulByte)
        #expect(nul[1].line == 2)

        let (_, bad) = try readFile(dir + "bad.csv")
        #expect(bad.map(\.line) == [1, 2, 3, 4])
        #expect(bad[1].problem == .fieldCount(expected: 3, found: 4))
        #expect(bad[2].problem == .fieldCount(expected: 3, found: 2))
        #expect(bad[3].problem == nil)

        let (_, header) = try readFile(dir + "test_header_newline.csv")
        #expect(header.count == 2)
        // Every CR, LF or CRLF ends a line, also inside quotes (Python's csv line_num agrees: 8).
        #expect(header[1].line == 8)
        #expect(header[0].fields[0] == "\t\n\u{0B}\u{0C}\r start \t\n\u{0B}\u{0C}\r end \t\n\u{0B}\u{0C}\r")

        let (_, empty) = try readFile(dir + "empty.csv")
        #expect(empty.isEmpty)
    }
}
