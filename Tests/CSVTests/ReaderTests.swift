import CSV
import Foundation
import Support
import Testing

@Suite struct ReaderDialectTests {
    @Test(arguments: ["\n", "\r\n", "\r"])
    func lineEnds(_ end: String) throws {
        let text = ["SKU,Level", "A-1,3", "\"B,2\",4", ""].joined(separator: end)
        let records = try readAll(text)
        #expect(records == [
            ReadRecord(line: 1, fields: ["SKU", "Level"]),
            ReadRecord(line: 2, fields: ["A-1", "3"]),
            ReadRecord(line: 3, fields: ["B,2", "4"]),
        ])
    }

    @Test(arguments: [(",", UInt8(ascii: ",")), (";", UInt8(ascii: ";")), ("\t", UInt8(ascii: "\t")), ("|", UInt8(ascii: "|"))])
    func delimiterIsSniffed(_ pair: (String, UInt8)) throws {
        let d = pair.0
        let text = "SKU\(d)Level\(d)Location\nA\(d)1\(d)Default\n\"B\(d)x\"\(d)2\(d)Default\n"
        let (dialect, records) = try readAll(Array(text.utf8))
        #expect(dialect.delimiter == pair.1)
        #expect(records.map(\.fields) == [["SKU", "Level", "Location"], ["A", "1", "Default"], ["B\(d)x", "2", "Default"]])
    }

    @Test func europeanExcelSemicolonsWithDecimalCommas() throws {
        let (dialect, records) = try readAll(Array("SKU;Price;Level\nA;1,50;3\nB;2,75;4\n".utf8))
        #expect(dialect.delimiter == UInt8(ascii: ";"))
        #expect(records[1].fields == ["A", "1,50", "3"])
    }

    @Test func givenDelimiterOverridesSniffing() throws {
        let (dialect, records) = try readAll(Array("a;b,c\n1;2,3\n".utf8), CSVReaderOptions(delimiter: UInt8(ascii: ",")))
        #expect(dialect.delimiter == UInt8(ascii: ","))
        #expect(records.map(\.fields) == [["a;b", "c"], ["1;2", "3"]])
    }

    @Test func singleColumnFileDefaultsToComma() throws {
        let (dialect, records) = try readAll(Array("SKU\nA\nB\n".utf8))
        #expect(dialect.delimiter == UInt8(ascii: ","))
        #expect(records.map(\.fields) == [["SKU"], ["A"], ["B"]])
    }

    @Test func utf8WithAndWithoutBOM() throws {
        let plain = Array("SKU,Title\nA,Crème brûlée ☕\n".utf8)
        let (d1, r1) = try readAll(plain)
        let (d2, r2) = try readAll([0xEF, 0xBB, 0xBF] + plain)
        #expect(d1.encoding == .utf8)
        #expect(d2.encoding == .utf8WithBOM)
        #expect(r1 == r2)
        #expect(r2[0].fields == ["SKU", "Title"])
        #expect(r2[1].fields == ["A", "Crème brûlée ☕"])
    }

    @Test(arguments: [true, false])
    func utf16WithBOM(bigEndian: Bool) throws {
        let text = "SKU\tTitle\r\nA\tZürich 𝄞\r\n"
        var bytes: [UInt8] = bigEndian ? [0xFE, 0xFF] : [0xFF, 0xFE]
        for unit in text.utf16 {
            bytes += bigEndian ? [UInt8(unit >> 8), UInt8(unit & 0xFF)] : [UInt8(unit & 0xFF), UInt8(unit >> 8)]
        }
        for chunk in [1, 3, 1 << 20] {
            let (dialect, records) = try readAll(bytes, CSVReaderOptions(chunkSize: chunk))
            #expect(dialect.encoding == (bigEndian ? .utf16BigEndian : .utf16LittleEndian))
            #expect(dialect.delimiter == UInt8(ascii: "\t"))
            #expect(records.map(\.fields) == [["SKU", "Title"], ["A", "Zürich 𝄞"]], "chunk \(chunk)")
        }
    }

    @Test func utf16WithoutBOMIsRecognised() throws {
        let bytes = "SKU,Level\nA,1\nB,2\n".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let (dialect, records) = try readAll(bytes)
        #expect(dialect.encoding == .utf16LittleEndian)
        #expect(records.map(\.fields) == [["SKU", "Level"], ["A", "1"], ["B", "2"]])
    }

    @Test func windows1252WhenNotUTF8() throws {
        // "Café", a euro sign and curly quotes as Windows Excel saves them.
        let bytes: [UInt8] = Array("SKU,Title\nA,Caf".utf8) + [0xE9, 0x20, 0x80, 0x35, 0x20, 0x93, 0x68, 0x69, 0x94] + [0x0A]
        let (dialect, records) = try readAll(bytes)
        #expect(dialect.encoding == .windows1252)
        #expect(records[1].fields == ["A", "Café €5 \u{201C}hi\u{201D}"])
    }

    @Test func invalidUTF8LateInAUTF8FileFallsBackPerField() throws {
        var bytes = Array("SKU,Title\n".utf8)
        for i in 0..<5000 { bytes += Array("A\(i),plain ascii text\n".utf8) }
        bytes += Array("B,Caf".utf8) + [0xE9] + [0x0A]
        let (dialect, records) = try readAll(bytes)
        #expect(dialect.encoding == .utf8)
        #expect(records.last?.fields == ["B", "Café"])
    }
}

@Suite struct ReaderQuotingTests {
    @Test func rfc4180Quoting() throws {
        let text = "a,b,c\n\"x,y\",\"he said \"\"hi\"\"\",\"multi\nline\"\nlast,\"\",plain\n"
        let records = try readAll(text)
        #expect(records == [
            ReadRecord(line: 1, fields: ["a", "b", "c"]),
            ReadRecord(line: 2, fields: ["x,y", "he said \"hi\"", "multi\nline"]),
            ReadRecord(line: 4, fields: ["last", "", "plain"]),
        ])
    }

    @Test func lineNumbersCountBlankLinesAndNewlinesInsideQuotes() throws {
        let text = "SKU,Level\n\nA,1\r\n\r\n\"B\r\nC\",2\n,\n\"D\",3\n"
        let records = try readAll(text)
        #expect(records.map(\.line) == [1, 3, 5, 8])
        #expect(records.map { $0.fields[0] } == ["SKU", "A", "B\r\nC", "D"])
    }

    @Test func fieldsAreLazyViews() throws {
        let reader = try CSVReader(input: BytesInput("a,\"b\"\"c\",\n"), options: CSVReaderOptions(requiresUniformFieldCount: false))
        let record = try #require(try reader.nextRecord())
        #expect(record.count == 3)
        #expect(!record[0].isQuoted)
        #expect(record[1].isQuoted)
        #expect(record[1].string == "b\"c")
        #expect(record[2].isEmpty)
        #expect(record.field(3) == nil)
        record[1].withBytes { #expect(Array($0) == Array("b\"c".utf8)) }
    }

    @Test func trimmedString() throws {
        // One line holding both a comma and tabs is ambiguous to sniff: say which.
        let comma = CSVReaderOptions(delimiter: UInt8(ascii: ","))
        let records = try readAll(" a ,\t b\t\n", comma)
        #expect(records[0].fields == [" a ", "\t b\t"])
        let reader = try CSVReader(input: BytesInput(" a ,\t b\t\n"), options: comma)
        let record = try #require(try reader.nextRecord())
        #expect(record[0].trimmedString == "a")
        #expect(record[1].trimmedString == "b")
    }

    @Test func emptyAndHeaderOnlyFiles() throws {
        #expect(try readAll("").isEmpty)
        #expect(try readAll("\n\r\n\n").isEmpty)
        #expect(try readAll("SKU,Level").map(\.fields) == [["SKU", "Level"]])
        #expect(try readAll("SKU,Level\r\n").map(\.fields) == [["SKU", "Level"]])
    }
}

@Suite struct ReaderBadInputTests {
    @Test func nulByteIsAProblemOnItsLine() throws {
        let records = try readAll(Array("a,b\n1,2\nx\u{0},y\n3,4\n".utf8)).1
        #expect(records.map(\.problem) == [nil, nil, .nulByte, nil])
        #expect(records[2].line == 3)
    }

    @Test func raggedRows() throws {
        let records = try readAll("a,b,c\n1,2\n1,2,3,4\n1,2,3\n")
        #expect(records.map(\.problem) == [nil, .fieldCount(expected: 3, found: 2), .fieldCount(expected: 3, found: 4), nil])
        let lenient = try readAll(Array("a,b,c\n1,2\n".utf8), CSVReaderOptions(requiresUniformFieldCount: false)).1
        #expect(lenient.allSatisfy { $0.problem == nil })
    }

    @Test func strayQuoteInUnquotedField() throws {
        let records = try readAll("a,b\n5\" screen,2\nok,3\n")
        #expect(records[1] == ReadRecord(line: 2, fields: ["5\" screen", "2"], problem: .quoteInUnquotedField))
        #expect(records[2].problem == nil)
    }

    @Test func textAfterClosingQuote() throws {
        let records = try readAll("a,b\n\"x\"y,2\nok,3\n")
        #expect(records[1] == ReadRecord(line: 2, fields: ["\"x\"y", "2"], problem: .textAfterClosingQuote))
        #expect(records[2] == ReadRecord(line: 3, fields: ["ok", "3"]))
    }

    @Test(arguments: [1, 2, 5, 1 << 20])
    func unterminatedQuoteAtEndOfFile(chunk: Int) throws {
        let records = try readAll(Array("a,b\n1,2\n3,\"never closed\n4,5\n".utf8), CSVReaderOptions(chunkSize: chunk)).1
        #expect(records.count == 3)
        #expect(records[2].line == 3)
        #expect(records[2].problem == .unterminatedQuote)
        #expect(records[2].fields == ["3", "never closed\n4,5\n"])
    }

    @Test(arguments: [7, 64, 4096])
    func recordLargerThanTheCapIsSkippedAndReadingGoesOn(chunk: Int) throws {
        let big = String(repeating: "x", count: 5000)
        let text = "a,b\n1,2\n\(big),3\n\"quoted\n\(big)\",4\nok,5\n"
        let records = try readAll(Array(text.utf8), CSVReaderOptions(chunkSize: chunk, maxRecordBytes: 1000)).1
        #expect(records.map(\.line) == [1, 2, 3, 4, 6])
        #expect(records.map(\.problem) == [nil, nil, .recordTooLarge(limit: 1000), .recordTooLarge(limit: 1000), nil])
        #expect(records[4].fields == ["ok", "5"])
    }

    @Test func hugeLineWithoutNewlineEndsAsOneProblemInBoundedMemory() throws {
        // 64 MiB of one line: the reader must not hold it (cap 1 MiB) and must finish.
        let size = 64 << 20
        let input = RepeatingInput(byte: UInt8(ascii: "z"), count: size, header: Array("a\n".utf8))
        let reader = try CSVReader(input: input)
        var problems: [CSVProblem?] = []
        while let record = try reader.nextRecord() { problems.append(record.problem) }
        #expect(problems == [nil, .recordTooLarge(limit: 1 << 20)])
        #expect(input.served == size + 2)
    }

    @Test func binaryGarbageNeverCrashes() throws {
        var generator = SplitMix64(seed: 42)
        for round in 0..<200 {
            let count = Int(generator.next() % 3000)
            let bytes = (0..<count).map { _ in UInt8(truncatingIfNeeded: generator.next()) }
            for chunk in [1, 13, 1 << 20] {
                let (_, records) = try readAll(bytes, CSVReaderOptions(chunkSize: chunk, maxRecordBytes: 512))
                let lines = records.map(\.line)
                #expect(lines == lines.sorted(), "round \(round)")
            }
        }
    }

    @Test func quoteBombEndsAsProblems() throws {
        let bytes = [UInt8](repeating: UInt8(ascii: "\""), count: 3_000_001)
        let records = try readAll(bytes, CSVReaderOptions(maxRecordBytes: 1 << 16)).1
        #expect(!records.isEmpty)
        #expect(records.allSatisfy { $0.problem != nil || $0.fields.allSatisfy { $0.allSatisfy { $0 == "\"" } } })
    }
}

@Suite struct ReaderChunkBoundaryTests {
    static let text = "SKU;Title;Level\r\n\"Ä-1\";\"Größe \"\"XL\"\"; blau\";5\r\n€-2;\"zwei\r\nZeilen\";6\r\n\r\n漢字;\"\";7\r\nlast;🙂🙂;8"

    @Test(arguments: Array(1...17) + [64, 1 << 20])
    func everyChunkSizeReadsTheSame(chunk: Int) throws {
        let (dialect, records) = try readAll(Array(Self.text.utf8), CSVReaderOptions(chunkSize: chunk))
        #expect(dialect.delimiter == UInt8(ascii: ";"))
        #expect(records == [
            ReadRecord(line: 1, fields: ["SKU", "Title", "Level"]),
            ReadRecord(line: 2, fields: ["Ä-1", "Größe \"XL\"; blau", "5"]),
            ReadRecord(line: 3, fields: ["€-2", "zwei\r\nZeilen", "6"]),
            ReadRecord(line: 6, fields: ["漢字", "", "7"]),
            ReadRecord(line: 7, fields: ["last", "🙂🙂", "8"]),
        ])
    }

    @Test(arguments: [1, 2, 3, 4, 5, 8, 9])
    func crlfSplitAcrossRefills(chunk: Int) throws {
        let records = try readAll(Array("a\r\nb\r\n\r\nc\rd\n".utf8), CSVReaderOptions(chunkSize: chunk)).1
        #expect(records == [
            ReadRecord(line: 1, fields: ["a"]), ReadRecord(line: 2, fields: ["b"]),
            ReadRecord(line: 4, fields: ["c"]), ReadRecord(line: 5, fields: ["d"]),
        ])
    }
}

/// A header and then `count` copies of one byte, served without ever holding them.
final class RepeatingInput: CSVInput {
    let byte: UInt8
    let count: Int
    var header: [UInt8]
    var served = 0

    init(byte: UInt8, count: Int, header: [UInt8]) {
        self.byte = byte
        self.count = count
        self.header = header
    }

    func read(into buffer: UnsafeMutableRawBufferPointer) throws(SystemError) -> Int {
        if !header.isEmpty {
            let n = min(buffer.count, header.count)
            for i in 0..<n { buffer[i] = header[i] }
            header.removeFirst(n)
            served += n
            return n
        }
        let remaining = count - (served - 2)
        let n = min(buffer.count, remaining)
        guard n > 0 else { return 0 }
        buffer.baseAddress!.initializeMemory(as: UInt8.self, repeating: byte, count: n)
        served += n
        return n
    }
}

@Suite struct ReaderPropertyTests {
    static let tokens: [[UInt8]] = [
        Array("a".utf8), Array("SKU-1".utf8), Array(",".utf8), Array(";".utf8), Array("\"".utf8), Array("\"\"".utf8),
        Array("\n".utf8), Array("\r".utf8), Array("\r\n".utf8), Array(" ".utf8), Array("é".utf8), Array("🙂".utf8),
        [0], [0xE9], Array("\t".utf8), Array("|".utf8), Array(String(repeating: "x", count: 70).utf8),
    ]

    /// Whatever the bytes, every chunk size reads exactly the same records, problems and lines.
    @Test func chunkSizeNeverChangesWhatIsRead() throws {
        var problemsSeen = Set<String>()
        for seed in 0..<300 {
            var generator = SplitMix64(seed: UInt64(seed) &* 7919)
            var bytes: [UInt8] = []
            let length = Int(generator.next() % 400)
            for _ in 0..<length { bytes += Self.tokens[Int(generator.next() % UInt64(Self.tokens.count))] }
            let reference = try readAll(bytes, CSVReaderOptions(maxRecordBytes: 100))
            for chunk in [1, 2, 3, 5, 8, 13, 64] {
                let other = try readAll(bytes, CSVReaderOptions(chunkSize: chunk, maxRecordBytes: 100))
                #expect(other.0 == reference.0)
                #expect(other.1 == reference.1, "seed \(seed) chunk \(chunk)")
            }
            let lines = reference.1.map(\.line)
            #expect(lines == lines.sorted())
            #expect(Set(lines).count == lines.count)
            for record in reference.1 {
                if let problem = record.problem { problemsSeen.insert("\(problem)".components(separatedBy: " ").prefix(4).joined(separator: " ")) }
            }
        }
        // The soup must reach every kind of problem, or this test proves less than it claims.
        #expect(problemsSeen.count >= 6, "\(problemsSeen)")
    }
}
