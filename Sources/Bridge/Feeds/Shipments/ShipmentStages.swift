import CSV
import Linnworks
import Support

/// One order on its way to Linnworks: the parcels (rows) that name it and the shipping info they make.
struct OrderShipment: FeedItem {
    var rows: [ShipmentRow]
    /// nil only in an offline check, which resolves no order.
    var plan: OrderPlan?
    var update: ShippingInfoUpdate?

    var lines: [Int] { rows.map(\.line) }
}

/// The shipment feed's stages on the spine. The first pass applies the row rules and groups rows
/// by order reference (rows of one order may be anywhere in the file); the plan then resolves and
/// judges each order; a batch is up to 200 orders: shipping info for each, then their processing.
struct ShipmentStages: FeedStages {
    typealias Item = OrderShipment
    typealias Answer = [Result<Void, LinnworksError>]

    static var columns: [ColumnSpec] { ShipmentColumns.all }
    let options: ShipmentFeedOptions
    let service: (any ShipmentService)?
    private let matcher: OrderReferenceMatcher
    private var validator: ShipmentRowValidator?
    private var services: PostalServiceDirectory?
    /// Rows by order reference key, in the order the references first appear.
    private var groups: [(key: String, rows: [ShipmentRow])] = []
    private var position: [String: Int] = [:]
    /// The orders the groups resolved to, and the rows no order was found for; built once, then handed to the
    /// spine one step at a time (a step holds a whole order summary: half a million of them at once would
    /// outweigh the rows).
    private var resolved: (unresolved: [[RowRejection]], plans: [OrderPlan])?
    private var nextPlannedIndex = 0
    private var processing: OrderProcessing?
    /// Names the exactly-once journal: the bytes this attempt read, not the file as it may be now.
    private var contentHash: UInt64?

    init(options: ShipmentFeedOptions, service: (any ShipmentService)?) {
        self.options = options
        self.service = service
        matcher = OrderReferenceMatcher(prefixes: options.stripPrefixes, suffixes: options.stripSuffixes)
    }

    var columnAliases: [String: [String]] { options.columns }
    var readerOptions: CSVReaderOptions { options.reader }
    var batchSize: Int { min(200, max(1, options.batchSize)) }
    /// One batch at a time: each is journalled in turn (the shipping-info calls inside it run in parallel).
    var batchesInFlight: Int { 1 }

    mutating func prepare(header: HeaderMap, mode: FeedMode, file: FeedSource) async throws(BridgeError) {
        validator = ShipmentRowValidator(header: header)
        guard mode != .check(online: false) else { return }
        guard let service else { throw .configuration("no Linnworks credentials to look orders up with") }
        services = PostalServiceDirectory(try await linnworks { () async throws(LinnworksError) in try await service.postalServices() },
                                          aliases: options.postalServiceAliases)
    }

    mutating func scan(_ record: CSVRecord, at position: () -> RecordPosition) -> ScanVerdict {
        switch validator!.validate(record) {
        case .voided:
            return .skipped
        case let .rejected(error):
            return .rejected(RowRejection(error, cells: nil))
        case var .row(row):
            row.position = position()
            let key = matcher.key(row.reference)
            if let index = self.position[key] {
                groups[index].rows.append(row)
            } else {
                self.position[key] = groups.count
                groups.append((key, [row]))
            }
            return .kept
        }
    }

    /// Rows whose order an earlier attempt finished, unchanged since, leave the plan: their order is
    /// neither sent again nor judged on them.
    mutating func scanned(content: PrefixCheckpoints?, alreadyApplied: (Int, RecordPosition) -> Bool) -> [Int] {
        contentHash = content?.contentHash
        var forgotten: [Int] = []
        for index in groups.indices {
            groups[index].rows.removeAll { row in
                guard alreadyApplied(row.line, row.position) else { return false }
                forgotten.append(row.line)
                return true
            }
        }
        groups.removeAll { $0.rows.isEmpty }
        return forgotten
    }

    mutating func nextPlanned(mode: FeedMode) async throws(BridgeError) -> FeedStep<OrderShipment>? {
        guard mode != .check(online: false), let services else {
            // Offline: nothing to resolve; each order's rows would be sent.
            guard nextPlannedIndex < groups.count else { return nil }
            nextPlannedIndex += 1
            return .send(OrderShipment(rows: groups[nextPlannedIndex - 1].rows))
        }
        if resolved == nil {
            resolved = try await resolve()
            // The plans hold the rows now.
            groups = []
            position = [:]
        }
        let unresolved = resolved!.unresolved.count
        guard nextPlannedIndex < unresolved + resolved!.plans.count else { return nil }
        nextPlannedIndex += 1
        if nextPlannedIndex <= unresolved { return .reject(resolved!.unresolved[nextPlannedIndex - 1]) }
        let plan = resolved!.plans[nextPlannedIndex - 1 - unresolved]
        let step: FeedStep<OrderShipment>
        switch plan.decide(services: services) {
        case .done: step = .done(lines: plan.rows.map(\.line))
        case let .reject(errors): step = .reject(errors.map { RowRejection($0, cells: nil) })
        case let .send(update): step = .send(OrderShipment(rows: plan.rows, plan: plan, update: update))
        }
        guard mode == .apply, case let .send(item) = step else { return step }
        // What an earlier run of the same content already did with this order (from its journal).
        if processing == nil {
            processing = try await OrderProcessing.resume(stateDirectory: options.stateDirectory, contentHash: contentHash, service: service!)
        }
        switch processing!.earlierOutcome(of: plan.order.id) {
        case .processed?: return .done(lines: item.lines)
        case let .refused(reason)?: return .reject(Self.refusal(plan, reason))
        case nil: return step
        }
    }

    /// Every group resolved to its order, orders named twice merged; rows no order was found for are rejected.
    private func resolve() async throws(BridgeError) -> (unresolved: [[RowRejection]], plans: [OrderPlan]) {
        guard let service else { throw .configuration("no Linnworks credentials to look orders up with") }
        var steps: [[RowRejection]] = []
        var directory = OrderDirectory(matcher: matcher)
        if groups.count > options.bulkIndexThreshold {
            let locations = try await indexedLocations(service)
            try await linnworks { () async throws(LinnworksError) in try await directory.indexOpenOrders(at: locations, service: service) }
        }
        var plans: [OrderPlan] = []
        var planIndex: [String: Int] = [:]
        for group in groups {
            let reference = group.rows[0].reference
            let resolution = try await linnworks { () async throws(LinnworksError) in try await directory.resolve(reference, service: service) }
            switch resolution {
            case .notFound:
                steps.append(group.rows.map { row in RowRejection(RowError(line: row.line, code: .orderNotFound, message:
                    "No Linnworks order has the number or reference \"\(reference)\" (order number, reference, external or secondary reference)."), cells: nil) })
            case let .ambiguous(orders):
                let numbers = orders.compactMap(\.orderNumber).map(String.init).joined(separator: ", ")
                steps.append(group.rows.map { row in RowRejection(RowError(line: row.line, code: .ambiguousOrder, message:
                    "\"\(reference)\" matches \(orders.count) open Linnworks orders (\(numbers)); use the Linnworks order number instead."), cells: nil) })
            case let .found(order):
                if let index = planIndex[order.id] {
                    plans[index].rows += group.rows
                } else {
                    planIndex[order.id] = plans.count
                    plans.append(OrderPlan(order: order, rows: group.rows))
                }
            }
        }
        return (steps, plans)
    }

    /// The configured locations as GUIDs; every location when none is configured.
    private func indexedLocations(_ service: any ShipmentService) async throws(BridgeError) -> [String] {
        let directory = LocationDirectory(try await linnworks { () async throws(LinnworksError) in try await service.stockLocations() })
        if options.locations.isEmpty { return directory.allIDs }
        var ids: [String] = []
        for name in options.locations {
            guard case let .found(location) = directory.resolve(LocationReference(name), defaultLocation: "") else {
                throw .configuration("shipments.locations names \"\(name)\", which is not a Linnworks location")
            }
            ids.append(location.id)
        }
        return ids
    }

    /// `SetOrderShippingInfo` for each order of the batch, up to `maxInFlight` at once.
    func submitter() -> @Sendable ([OrderShipment]) async -> Answer {
        let service = self.service
        let limit = max(1, options.maxInFlight)
        return { items in
            guard let service else { return items.map { _ in .failure(.configuration(reason: "no Linnworks credentials")) } }
            var results = [Result<Void, LinnworksError>?](repeating: nil, count: items.count)
            await withTaskGroup(of: (Int, Result<Void, LinnworksError>).self) { group in
                var next = 0
                func launch() {
                    let index = next, item = items[index]
                    next += 1
                    group.addTask {
                        do throws(LinnworksError) {
                            try await service.setShippingInfo(orderID: item.plan!.order.id, item.update!)
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
            return results.map { $0 ?? .failure(.cancelled) }
        }
    }

    /// Orders whose shipping info was set are processed (exactly once); the rest are reported.
    mutating func reconcile(_ batch: [OrderShipment], _ answer: Answer) async -> BatchOutcome {
        var outcome = BatchOutcome()
        var shipped: [OrderPlan] = []
        for (item, result) in zip(batch, answer) {
            switch result {
            case .success:
                shipped.append(item.plan!)
            case let .failure(error):
                guard case let .badRequest(_, _, message) = error else {
                    // Linnworks gone: nothing of this batch is processed; setting shipping info again is harmless.
                    outcome.failure = BridgeError(error)
                    return outcome
                }
                outcome.rejected += Self.refusal(item.plan!, message)
            }
        }
        guard options.processOrders else {
            outcome.applied = shipped.flatMap { $0.rows.map(\.line) }
            return outcome
        }
        guard !shipped.isEmpty else { return outcome }
        do throws(BridgeError) {
            let results = try await processing!.process(shipped.map { ($0.order.id, $0.order.locationID) })
            for plan in shipped {
                switch results[plan.order.id] {
                case .processed?: outcome.applied += plan.rows.map(\.line)
                case let .refused(reason)?: outcome.rejected += Self.refusal(plan, reason)
                case nil: outcome.rejected += Self.refusal(plan, "no answer for this order")
                }
            }
        } catch {
            outcome.failure = error
        }
        return outcome
    }

    /// The file is done: its journal goes, also one an earlier crashed run left when this run had nothing to send.
    mutating func finished() {
        if let processing {
            processing.finished()
        } else if options.mode == .apply, let contentHash,
                  let journal = try? ShipmentJournal(stateDirectory: options.stateDirectory, inputPath: "", contentHash: contentHash) {
            journal.remove()
        }
    }

    /// Linnworks' refusal of an order, on each of its rows.
    static func refusal(_ plan: OrderPlan, _ reason: String) -> [RowRejection] {
        let number = plan.order.orderNumber.map(String.init) ?? plan.order.id
        return plan.rows.map { row in
            RowRejection(RowError(line: row.line, code: .rejectedByLinnworks, message: "Linnworks did not accept order \(number): \(reason)"),
                         cells: nil)
        }
    }
}
