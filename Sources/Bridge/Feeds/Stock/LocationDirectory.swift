import Foundation
import Linnworks

/// The account's stock locations, for turning what a file says into a Linnworks GUID.
///
/// Exists because files name locations ("3PL Warehouse", "3pl warehouse ") while
/// `SetStockLevel` wants a GUID. Names match trimmed and case-insensitively; two locations with
/// the same name make that name ambiguous; a GUID must be one of the account's.
struct LocationDirectory: Sendable {
    struct Location: Sendable, Equatable {
        var id: String
        var name: String
    }

    enum Resolution: Sendable, Equatable {
        case found(Location)
        case unknown
        case ambiguous([Location])

        var isFound: Bool {
            if case .found = self { return true }
            return false
        }
    }

    private let byID: [String: Location]
    private let byName: [String: [Location]]
    /// Every location's GUID, in the order Linnworks listed them.
    let allIDs: [String]

    init(_ locations: [StockLocation]) {
        var byID: [String: Location] = [:]
        var byName: [String: [Location]] = [:]
        var allIDs: [String] = []
        for location in locations {
            guard let id = location.stockLocationID?.lowercased() else { continue }
            allIDs.append(id)
            let entry = Location(id: id, name: location.locationName ?? id)
            byID[id] = entry
            byName[Self.key(entry.name), default: []].append(entry)
        }
        self.byID = byID
        self.byName = byName
        self.allIDs = allIDs
    }

    static func key(_ name: String) -> String {
        name.trimmingCharacters(in: .whitespaces).lowercased()
    }

    /// Resolves a reference; `.defaultLocation` resolves `defaultLocation` (a name or GUID).
    func resolve(_ reference: LocationReference, defaultLocation: String) -> Resolution {
        switch reference {
        case let .id(id):
            return byID[id.lowercased()].map(Resolution.found) ?? .unknown
        case let .name(name):
            let matches = byName[Self.key(name)] ?? []
            if matches.count > 1 { return .ambiguous(matches) }
            return matches.first.map(Resolution.found) ?? .unknown
        case .defaultLocation:
            return resolve(LocationReference.defaultLocation.explicit(defaultLocation: defaultLocation), defaultLocation: "")
        }
    }

    /// How a clerk would name the reference in a sentence.
    static func describe(_ reference: LocationReference, defaultLocation: String) -> String {
        switch reference {
        case let .id(id): return "location id \(id)"
        case let .name(name): return "location \"\(name)\""
        case .defaultLocation: return "the default location \"\(defaultLocation)\""
        }
    }
}

