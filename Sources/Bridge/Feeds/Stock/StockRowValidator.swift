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
    private var entries: [([UInt8], LocationReference)] = []
    private var next = 0

    mutating func reference(for bytes: UnsafeRawBufferPointer, of field: CSVField) -> LocationReference {
        if bytes.isEmpty { return .defaultLocation }
        for entry in entries where entry.0.count == bytes.count {
            if entry.0.withUnsafeBytes({ memcmp($0.baseAddress!, bytes.baseAddress!, bytes.count) == 0 }) { return entry.1 }
        }
        let text = field.trimmedString
        let reference: LocationReference = LocationID.isGUID(bytes) ? .id(text.lowercased()) : .name(text)
        if entries.count < 16 {
            entries.append((Array(bytes), reference))
        } else {
            entries[next] = (Array(bytes), reference)
            next = (next + 1) % 16
        }
        return reference
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
