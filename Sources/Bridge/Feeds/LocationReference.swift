/// A stock location as a file, a setting or a command line names it.
///
/// Exists so "a GUID is an id, anything else a name, nothing the default location" is decided in
/// one place for stock rows, `stock.defaultLocation`, `shipments.locations` and exports alike.
enum LocationReference: Sendable, Hashable {
    /// A Linnworks location GUID, used as given (lower-cased).
    case id(String)
    /// A location name, resolved against `Inventory/GetStockLocations` once per run.
    case name(String)
    /// The file has no location column or the cell is empty: the configured default location.
    case defaultLocation

    /// What `text` names, spaces around it aside: a GUID, a name, or (empty) the default location.
    init(_ text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed.isEmpty {
            self = .defaultLocation
        } else {
            self = LocationID.isGUID(trimmed) ? .id(trimmed.lowercased()) : .name(trimmed)
        }
    }

    /// This reference with "no location" replaced by the configured default.
    func explicit(defaultLocation: String) -> LocationReference {
        guard case .defaultLocation = self else { return self }
        let configured = LocationReference(defaultLocation)
        // An empty default is a name nothing matches, never "the default" again.
        if case .defaultLocation = configured { return .name("") }
        return configured
    }
}
