import Foundation
import Linnworks

/// Which location an export is for: the one named on the command line, else the configured
/// `exports.fulfilmentLocation`, else the account's first fulfilment centre.
///
/// Exists because people name locations ("3PL Warehouse") while Linnworks filters open orders
/// by GUID; a name or GUID the account does not have is a configuration error (78), never a
/// silent export of the wrong warehouse's orders.
enum FulfilmentLocation {
    static func resolve(_ reference: String?, among locations: [StockLocation]) throws(BridgeError) -> LocationDirectory.Location {
        let directory = LocationDirectory(locations)
        guard let reference = reference?.trimmingCharacters(in: .whitespaces), !reference.isEmpty else {
            guard let centre = locations.first(where: { $0.isFulfilmentCentre == true }),
                  let id = centre.stockLocationID else {
                throw .configuration("no fulfilment location: pass --location or set exports.fulfilmentLocation (the account has no fulfilment centre)")
            }
            return LocationDirectory.Location(id: id.lowercased(), name: centre.locationName ?? id)
        }
        switch directory.resolve(.defaultLocation, defaultLocation: reference) {
        case let .found(location):
            return location
        case .unknown:
            let names = locations.compactMap(\.locationName).map { "\"\($0)\"" }.joined(separator: ", ")
            throw .configuration("there is no stock location called \"\(reference)\" in Linnworks (there are: \(names))")
        case .ambiguous:
            throw .configuration("more than one stock location is called \"\(reference)\"; use its id")
        }
    }
}
