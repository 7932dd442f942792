import CSV
#if canImport(Glibc)
import Glibc
#endif

/// The row rules of a stock snapshot that need nothing but the row itself.
///
/// Exists as its own stage so it can be tested, and measured, without Linnworks: SKU present,
/// level a whole number ≥ 0 (`12.0` is 12; `12.5`, `1.2E+3`, `-3` and text are not), location a
/// GUID, a name, or absent. Rules that need Linnworks (unknown SKU or location) come later.
public struct StockRowValidator: Sendable {
    let skuIndex: Int
    let levelIndex: Int
    let locationIndex: Int?
    /// A file names a handful of locations millions of times: remember the last few, by bytes.
    private var recentLocations = LocationCache()

    public init(header: HeaderMap) {
        skuIndex = header.index(of: StockColumns.sku)!
        levelIndex = header.index(of: StockColumns.level)!
        locationIndex = header.index(of: StockColumns.location)
    }

    /// Checks one record; a malformed record is a `bad_record` row error, never a throw.
    public mutating func validate(_ record: CSVRecord) -> Result<StockRow, RowError> {
        if let problem = record.problem {
            return .failure(RowError(line: record.line, code: .badRecord, message: "This row could not be read: \(problem).".capitalisedFirst))
        }
        let sku = record[skuIndex].trimmedString
        if sku.isEmpty {
            return .failure(RowError(line: record.line, code: .missingSKU, message: "The SKU is empty."))
        }
        let level: Int
        switch record[levelIndex].withBytes(WholeNumber.parse) {
        case let .success(value):
            level = value
        case let .failure(reason):
            let shown = record[levelIndex].trimmedString
            return .failure(RowError(line: record.line, code: .badLevel,
                                     message: "The stock level for SKU \(sku) \(reason.sentence(shown))."))
        }
        var location = LocationReference.defaultLocation
        if let locationIndex {
            location = record[locationIndex].withBytes { recentLocations.reference(for: trimmed($0), of: record[locationIndex]) }
        }
        return .success(StockRow(line: record.line, sku: sku, level: level, location: location))
    }
}

/// The last few distinct location cells and what they mean.
struct LocationCache: Sendable {
    private var recent = RecentValues<LocationReference>()

    mutating func reference(for bytes: UnsafeRawBufferPointer, of field: CSVField) -> LocationReference {
        if bytes.isEmpty { return .defaultLocation }
        return recent.value(for: bytes) {
            let text = field.trimmedString
            return LocationID.isGUID(bytes) ? .id(text.lowercased()) : .name(text)
        }
    }
}

/// A few values remembered by the bytes they were made from, for columns that repeat a handful
/// of distinct cells over millions of rows (locations, carriers).
///
/// The remembered bytes live in one flat array so a look-up is a scan with `memcmp` and no
/// reference counting; the most recent hit is tried first.
struct RecentValues<Value: Sendable>: Sendable {
    private var storage: [UInt8] = []
    private var spans: [(start: Int, count: Int)] = []
    private var values: [Value] = []
    private var lastHit = 0

    mutating func value(for bytes: UnsafeRawBufferPointer, make: () -> Value) -> Value {
        if let index = find(bytes) {
            lastHit = index
            return values[index]
        }
        let value = make()
        if values.count == 16 {
            storage.removeAll(keepingCapacity: true)
            spans.removeAll(keepingCapacity: true)
            values.removeAll(keepingCapacity: true)
        }
        spans.append((storage.count, bytes.count))
        storage.append(contentsOf: bytes)
        values.append(value)
        lastHit = values.count - 1
        return value
    }

    private func find(_ bytes: UnsafeRawBufferPointer) -> Int? {
        let count = spans.count
        guard count > 0 else { return nil }
        return storage.withUnsafeBytes { flat -> Int? in
            func matches(_ i: Int) -> Bool {
                let span = spans[i]
                return span.count == bytes.count
                    && (span.count == 0 || memcmp(flat.baseAddress! + span.start, bytes.baseAddress!, span.count) == 0)
            }
            if matches(lastHit) { return lastHit }
            for i in 0..<count where i != lastHit && matches(i) { return i }
            return nil
        }
    }
}

@inline(__always)
func trimmed(_ bytes: UnsafeRawBufferPointer) -> UnsafeRawBufferPointer {
    var lo = 0, hi = bytes.count
    while lo < hi, bytes[lo] == 0x20 || bytes[lo] == 0x09 { lo += 1 }
    while hi > lo, bytes[hi - 1] == 0x20 || bytes[hi - 1] == 0x09 { hi -= 1 }
    return UnsafeRawBufferPointer(rebasing: bytes[lo..<hi])
}

extension String {
    var capitalisedFirst: String {
        guard let first else { return self }
        return first.uppercased() + dropFirst()
    }
}
