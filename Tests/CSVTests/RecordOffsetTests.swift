import CSV
import Support
import Testing

/// `CSVReader.lastRecordEnd` and `BoundedInput`: what a feed needs to know which records lie in
/// an unchanged prefix of a file that may have grown or been cut.
@Suite struct RecordOffsetTests {
    /// Every record's end offset, read with `chunkSize` so records straddle refills.
    func ends(_ bytes: [UInt8], chunkSize: Int) throws -> [Int?] {
        let reader = try CSVReader(input: BytesInput(bytes), options: CSVReaderOptions(chunkSize: chunkSize))
        var ends: [Int?] = []
        while try reader.nextRecord() != nil { ends.append(reader.lastRecordEnd) }
        return ends
    }

    @Test(arguments: [1, 2, 3, 7, 1 << 20])
    func endsCountTerminatorsBlankLinesAndTheBOM(chunkSize: Int) throws {
        // BOM (3) | "a,b\r\n" ends at 8 | "\"c\nd\",e\n" (8 bytes) ends at 16 | blank line | "f,g" ends at 20 (no newline).
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("a,b\r\n\"c\nd\",e\n\nf,g".utf8)
        #expect(try ends(bytes, chunkSize: chunkSize) == [8, 16, 20])
        #expect(20 == bytes.count)
    }

    @Test(arguments: [1, 4, 1 << 20])
    func aCarriageReturnAloneEndsTheRecordAfterIt(chunkSize: Int) throws {
        #expect(try ends(Array("a\rb\r\nc\r".utf8), chunkSize: chunkSize) == [2, 5, 7])
    }

    @Test func utf16HasNoRawOffsets() throws {
        var bytes: [UInt8] = [0xFF, 0xFE]
        for unit in "a,b\nc,d\n".utf16 { bytes += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        #expect(try ends(bytes, chunkSize: 3) == [nil, nil])
    }

    @Test(arguments: [1, 5, 1 << 20])
    func boundedInputStopsAtItsLimitAndHashesWhatItRead(chunkSize: Int) throws {
        let text = Array("a,1\nb,2\nc,3\n".utf8)
        let input = BoundedInput(BytesInput(text), limit: 6, hashing: true)
        let reader = try CSVReader(input: input, options: CSVReaderOptions(chunkSize: chunkSize))
        var rows: [[String]] = []
        while let record = try reader.nextRecord() { rows.append(record.strings()) }
        #expect(rows == [["a", "1"], ["b", ""]], "the byte at the limit and beyond are never read")
        #expect(input.bytesRead == 6)
        var expected = ContentHash()
        expected.update(Array(text[0..<6]))
        #expect(input.hash == expected.value)
        #expect(BoundedInput(BytesInput(text), limit: nil).hash == nil, "no hash unless asked")
    }
}
