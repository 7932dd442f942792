import Foundation
import Linnworks

/// One order of a shipment file and the rows (parcels) that name it.
struct OrderPlan {
    var order: OrderSummary
    var rows: [ShipmentRow]

    enum Decision {
        /// Nothing to send: already processed with this tracking (a re-dropped file).
        case done
        /// Every row fails with its own error (rows that are fine are held back with the order).
        case reject([RowError])
        case send(ShippingInfoUpdate)
    }

    /// Applies the order-level rules: services known and consistent, the order processable,
    /// tracking present where its service needs it; builds the shipping info from the file and the
    /// order's current values for what the file leaves out.
    ///
    /// Several parcels: every distinct tracking number is kept, joined with ", " in the order's one
    /// `TrackingNumber` field (Linnworks has a single field); weights and costs are summed.
    func decide(services: PostalServiceDirectory) -> Decision {
        let number = order.orderNumber.map(String.init) ?? order.id
        var failures: [Int: RowError] = [:]
        var chosen: PostalService?
        var chosenLine = 0
        for (index, row) in rows.enumerated() where !row.service.isEmpty {
            guard let service = services.service(named: row.service) else {
                failures[index] = RowError(line: row.line, code: .unknownService, message:
                    "No Linnworks postal service is called \"\(row.service)\"; name it as in Linnworks (name, code or tag) or add an alias under shipments.postalServiceAliases.")
                continue
            }
            if let chosen, chosen.id != service.id {
                failures[index] = RowError(line: row.line, code: .unknownService, message:
                    "Order \(number) ships with \"\(chosen.name ?? "?")\" on line \(chosenLine) but with \"\(service.name ?? "?")\" here; one order has one postal service.")
            } else if chosen == nil {
                chosen = service
                chosenLine = row.line
            }
        }
        var trackings: [String] = []
        for row in rows where !row.trackingNumber.isEmpty && !trackings.contains(row.trackingNumber) {
            trackings.append(row.trackingNumber)
        }
        let tracking = trackings.joined(separator: ", ")

        if order.isProcessed {
            if failures.isEmpty, Self.sameTracking(order.trackingNumber, tracking) { return .done }
            return .reject(rows.map { RowError(line: $0.line, code: .alreadyProcessed, message:
                "Order \(number) was already processed in Linnworks with tracking number \"\(order.trackingNumber ?? "")\"; it cannot be changed to \"\(tracking)\".") })
        }
        if order.isParked || order.isOnHoldOrCancelled {
            let state = order.isParked ? "parked" : "on hold or cancelled"
            return .reject(rows.map { RowError(line: $0.line, code: .orderNotProcessable, message:
                "Order \(number) is \(state) in Linnworks and cannot be shipped until someone releases it.") })
        }
        let service = chosen ?? services.service(id: order.postalServiceID)
        if tracking.isEmpty, service?.isTrackingNumberRequired == true {
            for (index, row) in rows.enumerated() where failures[index] == nil {
                failures[index] = RowError(line: row.line, code: .badTracking, message:
                    "Order \(number) ships with \(service?.name ?? "a service") which needs a tracking number, and the row has none.")
            }
        }
        if !failures.isEmpty {
            let first = failures.sorted { $0.key < $1.key }[0].value
            return .reject(rows.enumerated().map { index, row in
                failures[index] ?? RowError(line: row.line, code: .orderHeldBack, message:
                    "Held back with the rest of order \(number) because line \(first.line) failed: \(first.message)")
            })
        }
        let weights = rows.compactMap(\.weight), costs = rows.compactMap(\.cost)
        return .send(ShippingInfoUpdate(
            postalServiceID: chosen?.id ?? chosen?.postalServiceID ?? order.postalServiceID,
            totalWeight: weights.isEmpty ? order.totalWeight : weights.reduce(0, +),
            itemWeight: order.itemWeight,
            postageCost: costs.isEmpty ? order.postageCost : costs.reduce(0, +),
            trackingNumber: tracking.isEmpty ? order.trackingNumber : tracking,
            isManualAdjust: order.isManualAdjust))
    }

    /// The same set of tracking numbers, ignoring case, spaces and order.
    static func sameTracking(_ current: String?, _ file: String) -> Bool {
        func parts(_ text: String) -> Set<String> {
            Set(text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }.filter { !$0.isEmpty })
        }
        return parts(current ?? "") == parts(file)
    }
}
