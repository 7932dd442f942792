// libFuzzer target for the CSV reader and header matching (issue 8). Built by `.ci/fuzz/run`
// together with the sources of Sources/CSV and Sources/Support as one module.
//
// The first input byte picks the chunk size (1…17) so tokens straddle refills; the rest is the file.
// Invariants checked on every input, beyond "no crash, no hang":
// - line numbers strictly increase;
// - reading with that chunk size gives exactly the records, lines and problems of reading it whole.

struct ReadOutcome: Equatable {
    var line: Int
    var fields: [String]
    var problem: CSVProblem?
}

let fuzzColumns = [
    ColumnSpec("sku", aliases: ["SKU", "Item Number"], required: true),
    ColumnSpec("level", aliases: ["Level", "Qty"], required: true),
    ColumnSpec("location", aliases: ["Location", "Warehouse"]),
]

func readAll(_ bytes: [UInt8], chunk: Int) -> [ReadOutcome] {
    guard let reader = try? CSVReader(input: BytesInput(bytes), options: CSVReaderOptions(chunkSize: chunk, maxRecordBytes: 512)) else {
        return []
    }
    var outcomes: [ReadOutcome] = []
    var first = true
    while let record = try? reader.nextRecord() {
        let fields = record.strings()
        for index in 0..<record.count { _ = record[index].trimmedString }
        if first {
            _ = try? HeaderMap(headers: fields, columns: fuzzColumns)
            first = false
        }
        outcomes.append(ReadOutcome(line: record.line, fields: fields, problem: record.problem))
    }
    return outcomes
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    guard size > 0 else { return 0 }
    let chunk = Int(data[0] % 17) + 1
    let bytes = Array(UnsafeBufferPointer(start: data + 1, count: size - 1))
    let small = readAll(bytes, chunk: chunk)
    let whole = readAll(bytes, chunk: bytes.count + 1)  // the whole input in one read
    precondition(small == whole, "chunk size \(chunk) changed what was read")
    var last = 0
    for outcome in whole {
        precondition(outcome.line > last, "line numbers must increase")
        last = outcome.line
    }
    return 0
}
