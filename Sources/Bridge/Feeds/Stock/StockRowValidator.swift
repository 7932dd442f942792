import CSV

/// The row rules of a stock snapshot that need nothing but the row itself.
///
/// Exists as its own stage so it can be tested, and measured, without Linnworks: SKU present,
/// level a whole number ≥ 0 (`12.0` is 12; `12.5`, `1.2E+3`, `-3` and text are not), location a
/// GUID, a name, or absent. Rules that need Linnworks (unknown SKU or location) come later.
public struct StockRowValidator: Sendable {
    let skuIndex: Int
    let levelIndex: Int
    let locationIndex: Int?

    public init(header: HeaderMap) {
        skuIndex = header.index(of: StockColumns.sku)!
        levelIndex = header.index(of: StockColumns.level)!
        locationIndex = header.index(of: StockColumns.location)
    }

    /// Checks one record; a malformed record is a `bad_record` row error, never a throw.
    public func validate(_ record: CSVRecord) -> Result<StockRow, RowError> {
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
            let cell = record[locationIndex].trimmedString
            if !cell.isEmpty {
                location = LocationID.isGUID(cell) ? .id(cell.lowercased()) : .name(cell)
            }
        }
        return .success(StockRow(line: record.line, sku: sku, level: level, location: location))
    }
}

extension String {
    var capitalisedFirst: String {
        guard let first else { return self }
        return first.uppercased() + dropFirst()
    }
}
