import Linnworks

/// Finds the Linnworks order a 3PL's reference means.
///
/// Exists because a file names orders by number, channel reference, external or secondary
/// reference, and Linnworks processes them only by their internal id. For a file of more than a
/// few dozen orders the open orders of the configured locations are indexed in bulk
/// (`GetAllOpenOrders`, then `GetOrdersById` in chunks of 100) instead of a look-up per row;
/// references the index misses — and every reference of a small file — are looked up one by one
/// (`GetOrderDetailsByNumOrderId`, `GetOrderDetailsByReferenceId`), which also finds processed orders.
struct OrderDirectory {
    enum Resolution: Sendable {
        case found(OrderSummary)
        case notFound
        case ambiguous([OrderSummary])
    }

    let matcher: OrderReferenceMatcher
    private var index: [String: [OrderSummary]] = [:]
    private var looked: [String: Resolution] = [:]
    /// Look-up calls made, for the summary and the "look-ups per row" figure.
    private(set) var calls = 0

    init(matcher: OrderReferenceMatcher) {
        self.matcher = matcher
    }

    /// Indexes every open order at `locations` (GUIDs).
    mutating func indexOpenOrders(at locations: [String], service: any ShipmentService) async throws(LinnworksError) {
        for location in locations {
            let ids = try await service.openOrderIDs(at: location)
            calls += 1
            var start = 0
            while start < ids.count {
                let chunk = Array(ids[start..<min(ids.count, start + 100)])
                let orders = try await service.orders(ids: chunk)
                calls += 1
                for details in orders {
                    let order = OrderSummary(details)
                    for key in matcher.keys(of: order) { index[key, default: []].append(order) }
                }
                start += 100
            }
        }
    }

    /// The order `reference` means: from the index, else asked of Linnworks (once per reference).
    mutating func resolve(_ reference: String, service: any ShipmentService) async throws(LinnworksError) -> Resolution {
        let key = matcher.key(reference)
        if let hits = index[key], !hits.isEmpty { return Self.choose(hits) }
        if let known = looked[key] { return known }
        var found: [OrderSummary] = []
        for variant in matcher.lookUpVariants(reference) {
            if let number = Int(variant), number > 0 {
                calls += 1
                if let details = try await service.order(number: number) { found.append(OrderSummary(details)) }
            }
            calls += 1
            for details in try await service.orders(reference: variant) {
                let order = OrderSummary(details)
                if matcher.keys(of: order).contains(key) { found.append(order) }
            }
            if !found.isEmpty { break }
        }
        let resolution = Self.choose(found)
        looked[key] = resolution
        return resolution
    }

    /// One order is the answer; several distinct open ones are ambiguous; an open order is
    /// preferred over processed ones carrying the same reference (a re-used channel reference).
    static func choose(_ candidates: [OrderSummary]) -> Resolution {
        var distinct: [OrderSummary] = []
        for order in candidates where !distinct.contains(where: { $0.id == order.id }) { distinct.append(order) }
        if distinct.count == 1 { return .found(distinct[0]) }
        if distinct.isEmpty { return .notFound }
        let open = distinct.filter { !$0.isProcessed }
        if open.count == 1 { return .found(open[0]) }
        return .ambiguous(open.isEmpty ? distinct : open)
    }
}

/// Matches a file's carrier or service to a Linnworks postal service.
///
/// By name, code or tag, ignoring case and surrounding spaces, or through the configured alias
/// table (`"DPD Next Day": "DPD Classic"`).
struct PostalServiceDirectory {
    private let byKey: [String: PostalService]
    private let aliases: [String: String]

    init(_ services: [PostalService], aliases: [String: String]) {
        var byKey: [String: PostalService] = [:]
        for service in services {
            for text in [service.name, service.code, service.tag] {
                if let text, !text.isEmpty, byKey[Self.key(text)] == nil { byKey[Self.key(text)] = service }
            }
        }
        self.byKey = byKey
        var lowered: [String: String] = [:]
        for (alias, target) in aliases { lowered[Self.key(alias)] = target }
        self.aliases = lowered
    }

    static func key(_ text: String) -> String {
        text.trimmingCharacters(in: .whitespaces).lowercased()
    }

    func service(named text: String) -> PostalService? {
        let key = Self.key(text)
        if let alias = aliases[key] { return byKey[Self.key(alias)] }
        return byKey[key]
    }

    func service(id: String?) -> PostalService? {
        guard let id = id?.lowercased() else { return nil }
        return byKey.values.first { ($0.id ?? $0.postalServiceID)?.lowercased() == id }
    }
}
