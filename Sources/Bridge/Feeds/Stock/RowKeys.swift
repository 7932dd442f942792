import CSV
import Linnworks
import Support

/// The identity of a row for "same SKU and location": the SKU and the location as resolved
/// (a name and its GUID are one location), or as written, case aside, when offline.
///
/// Computed from the record's bytes, the same way in both passes; rows that will be rejected
/// anyway have no key, so a bad later row never hides a good earlier one.
struct RowKeys: Sendable {
    let directory: LocationDirectory?
    let defaultLocation: String
    let skuIndex: Int
    let levelIndex: Int
    let locationIndex: Int?
    /// The configured default location as a reference, worked out once.
    let defaultReference: LocationReference
    private var locationHashes = RecentValues<UInt64>()

    init(header: HeaderMap, directory: LocationDirectory?, defaultLocation: String) {
        self.directory = directory
        self.defaultLocation = defaultLocation
        self.defaultReference = LocationReference.defaultLocation.explicit(defaultLocation: defaultLocation)
        skuIndex = header.index(of: StockColumns.sku)!
        levelIndex = header.index(of: StockColumns.level)!
        locationIndex = header.index(of: StockColumns.location)
    }

    /// The file's reference with "no location" replaced by the configured default.
    func explicit(_ reference: LocationReference) -> LocationReference {
        if case .defaultLocation = reference { return defaultReference }
        return reference
    }

    mutating func key(for record: CSVRecord) -> UInt64? {
        guard record.problem == nil else { return nil }
        var hasher = KeyHasher()
        let hasSKU = record[skuIndex].withBytes { bytes -> Bool in
            let sku = trimmed(bytes)
            hasher.combine(sku)
            return !sku.isEmpty
        }
        guard hasSKU, case .success = record[levelIndex].withBytes(WholeNumber.parse) else { return nil }
        hasher.separator()
        var location: UInt64 = 0
        if let locationIndex {
            let field = record[locationIndex]
            let resolver = LocationHasher(directory: directory, defaultLocation: defaultLocation)
            location = field.withBytes { bytes in
                locationHashes.value(for: trimmed(bytes)) { resolver.hash(field.trimmedString) }
            }
        } else {
            location = LocationHasher(directory: directory, defaultLocation: defaultLocation).hash("")
        }
        hasher.combine(location)
        return hasher.finalize()
    }
}

/// One location cell → the 64-bit identity of the place it means.
struct LocationHasher {
    let directory: LocationDirectory?
    let defaultLocation: String

    func hash(_ cell: String) -> UInt64 {
        let reference = LocationReference(cell).explicit(defaultLocation: defaultLocation)
        var text: String
        if let directory, case let .found(location) = directory.resolve(reference, defaultLocation: defaultLocation) {
            text = "id:" + location.id
        } else {
            switch reference {
            case let .id(id): text = "id:" + id.lowercased()
            case let .name(name): text = "name:" + name.lowercased()
            case .defaultLocation: text = "default"
            }
        }
        var hasher = KeyHasher()
        hasher.combine(text)
        return hasher.finalize()
    }

}
