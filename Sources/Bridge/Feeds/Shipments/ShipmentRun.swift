import Foundation
import Linnworks

/// The Linnworks half of a shipment file's run: resolve, decide, set shipping info, process.
struct ShipmentRun {
    let options: ShipmentFeedOptions
    let client: LinnworksClient
    let report: ErrorReport
    let matcher: OrderReferenceMatcher

    init(options: ShipmentFeedOptions, client: LinnworksClient, report: ErrorReport, matcher: OrderReferenceMatcher) {
        self.options = options
        self.client = client
        self.report = report
        self.matcher = matcher
    }

    /// `contentHash`: the hash of the bytes the rows were read from, naming the journal; nil: hash the file.
    mutating func perform(groups: [(key: String, rows: [ShipmentRow])], path: String, contentHash: UInt64?,
                          summary: inout FeedSummary) async throws(FeedError) {
        let client = self.client
        let services = PostalServiceDirectory(try await linnworks { () async throws(LinnworksError) in try await client.getPostalServices() },
                                              aliases: options.postalServiceAliases)
        summary.apiCalls += 1
        let plans = try await resolve(groups, summary: &summary)

        var toSend: [(plan: OrderPlan, update: ShippingInfoUpdate)] = []
        for plan in plans {
            switch plan.decide(services: services) {
            case .done:
                applied(plan, &summary)
            case let .reject(errors):
                for (row, error) in zip(plan.rows, errors) { reject(row, error, &summary) }
            case let .send(update):
                toSend.append((plan, update))
            }
        }
        if options.mode == .check(online: true) {
            summary.wouldApply = toSend.reduce(0) { $0 + $1.plan.rows.count }
            return
        }

        let journal = try ShipmentJournal(stateDirectory: options.stateDirectory, inputPath: path, contentHash: contentHash)
        var recovered = try journal.recover()
        if !recovered.unknown.isEmpty {
            // A batch was sent and its outcome never written down: ask Linnworks before anything else.
            let unknown = Array(recovered.unknown)
            let check = try await linnworks { () async throws(LinnworksError) in try await client.checkProcessing(orderIDs: unknown) }
            summary.apiCalls += (unknown.count + 99) / 100
            recovered.processed.formUnion(check.processed)
        }

        var batch = recovered.nextBatch
        var start = 0
        let size = min(200, max(1, options.batchSize))
        while start < toSend.count {
            let chunk = Array(toSend[start..<min(toSend.count, start + size)])
            start += size
            var pending: [(plan: OrderPlan, update: ShippingInfoUpdate)] = []
            for item in chunk {
                if recovered.processed.contains(item.plan.order.id) {
                    applied(item.plan, &summary)
                } else if let reason = recovered.refused[item.plan.order.id] {
                    refuse(item.plan, reason, &summary)
                } else {
                    pending.append(item)
                }
            }
            let shipped = try await setShippingInfo(pending, summary: &summary)
            guard options.processOrders else {
                for plan in shipped { applied(plan, &summary) }
                continue
            }
            guard !shipped.isEmpty else { continue }
            let ids = shipped.map(\.order.id)
            try journal.record(.init(kind: .intent, batch: batch, orders: ids))
            var processed: [String] = []
            var refused: [String: String] = [:]
            var byLocation: [String: [String]] = [:]
            for plan in shipped { byLocation[plan.order.locationID ?? "", default: []].append(plan.order.id) }
            for (location, orderIDs) in byLocation.sorted(by: { $0.key < $1.key }) {
                let results = try await linnworks { () async throws(LinnworksError) in
                    try await client.processOrders(orderIDs, locationID: location.isEmpty ? nil : location)
                }
                summary.apiCalls += 1
                for result in results {
                    if result.isProcessed { processed.append(result.orderID.lowercased()) } else { refused[result.orderID.lowercased()] = result.error ?? "not processed" }
                }
            }
            try journal.record(.init(kind: .outcome, batch: batch, orders: ids, processed: processed, refused: refused))
            batch += 1
            let done = Set(processed)
            for plan in shipped {
                if done.contains(plan.order.id) {
                    applied(plan, &summary)
                } else {
                    refuse(plan, refused[plan.order.id] ?? "no answer for this order", &summary)
                }
            }
        }
        journal.remove()
    }

    /// Groups of rows → orders; rows whose reference matches nothing, or several open orders, are reported.
    private func resolve(_ groups: [(key: String, rows: [ShipmentRow])], summary: inout FeedSummary) async throws(FeedError) -> [OrderPlan] {
        let client = self.client
        var directory = OrderDirectory(matcher: matcher)
        if groups.count > options.bulkIndexThreshold {
            let locations = try await indexedLocations(summary: &summary)
            try await linnworks { () async throws(LinnworksError) in try await directory.indexOpenOrders(at: locations, client: client) }
        }
        var plans: [OrderPlan] = []
        var position: [String: Int] = [:]
        for group in groups {
            let reference = group.rows[0].reference
            let resolution = try await linnworks { () async throws(LinnworksError) in try await directory.resolve(reference, client: client) }
            switch resolution {
            case .notFound:
                for row in group.rows {
                    reject(row, RowError(line: row.line, code: .orderNotFound, message:
                        "No Linnworks order has the number or reference \"\(reference)\" (order number, reference, external or secondary reference)."), &summary)
                }
            case let .ambiguous(orders):
                let numbers = orders.compactMap(\.orderNumber).map(String.init).joined(separator: ", ")
                for row in group.rows {
                    reject(row, RowError(line: row.line, code: .ambiguousOrder, message:
                        "\"\(reference)\" matches \(orders.count) open Linnworks orders (\(numbers)); use the Linnworks order number instead."), &summary)
                }
            case let .found(order):
                if let index = position[order.id] {
                    plans[index].rows += group.rows
                } else {
                    position[order.id] = plans.count
                    plans.append(OrderPlan(order: order, rows: group.rows))
                }
            }
        }
        summary.apiCalls += directory.calls
        return plans
    }

    /// The configured locations as GUIDs; every location when none is configured.
    private func indexedLocations(summary: inout FeedSummary) async throws(FeedError) -> [String] {
        let client = self.client
        let directory = LocationDirectory(try await linnworks { () async throws(LinnworksError) in try await client.getStockLocations() })
        summary.apiCalls += 1
        if options.locations.isEmpty { return directory.allIDs }
        var ids: [String] = []
        for name in options.locations {
            let reference: LocationReference = LocationID.isGUID(name) ? .id(name) : .name(name)
            guard case let .found(location) = directory.resolve(reference, defaultLocation: "") else {
                throw .configuration("shipments.locations names \"\(name)\", which is not a Linnworks location")
            }
            ids.append(location.id)
        }
        return ids
    }

    /// `SetOrderShippingInfo` for each order, up to `maxInFlight` at once; returns the orders it worked for.
    private func setShippingInfo(_ items: [(plan: OrderPlan, update: ShippingInfoUpdate)], summary: inout FeedSummary) async throws(FeedError) -> [OrderPlan] {
        let client = self.client
        let limit = max(1, options.maxInFlight)
        var results: [Int: Result<Void, LinnworksError>] = [:]
        await withTaskGroup(of: (Int, Result<Void, LinnworksError>).self) { group in
            var next = 0
            func launch() {
                let index = next, item = items[index]
                next += 1
                group.addTask {
                    do throws(LinnworksError) {
                        _ = try await client.setOrderShippingInfo(orderID: item.plan.order.id, item.update)
                        return (index, .success(()))
                    } catch {
                        return (index, .failure(error))
                    }
                }
            }
            while next < min(limit, items.count) { launch() }
            while let (index, result) = await group.next() {
                results[index] = result
                if next < items.count { launch() }
            }
        }
        summary.apiCalls += items.count
        var shipped: [OrderPlan] = []
        for (index, item) in items.enumerated() {
            switch results[index] {
            case .success?:
                shipped.append(item.plan)
            case let .failure(error)?:
                guard case let .badRequest(_, _, message) = error else { throw FeedError(error) }
                refuse(item.plan, message, &summary)
            case nil:
                refuse(item.plan, "no answer", &summary)
            }
        }
        return shipped
    }

    /// The order is finished in Linnworks (shipping info set and processed, or already so): its rows count as applied.
    private func applied(_ plan: OrderPlan, _ summary: inout FeedSummary) {
        summary.applied += plan.rows.count
        for row in plan.rows { summary.appliedLines.insert(row.line) }
    }

    private func reject(_ row: ShipmentRow, _ error: RowError, _ summary: inout FeedSummary) {
        report.add(line: row.line, cells: row.cells, error: error)
        summary.rejected += 1
    }

    private func refuse(_ plan: OrderPlan, _ reason: String, _ summary: inout FeedSummary) {
        let number = plan.order.orderNumber.map(String.init) ?? plan.order.id
        for row in plan.rows {
            reject(row, RowError(line: row.line, code: .rejectedByLinnworks, message: "Linnworks did not accept order \(number): \(reason)"), &summary)
        }
    }
}
