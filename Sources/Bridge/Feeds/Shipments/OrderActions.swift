import Linnworks

/// The one place that decides every call that must reach Linnworks exactly once: today
/// `ProcessOrdersInBatch`, which takes stock and closes orders and cannot be undone.
///
/// Exists as a pure state machine (no I/O, no clock) so every step, and a crash after every step,
/// can be tested alone: it is built from the journal an earlier run left, and hands the shell
/// (`OrderProcessing`) one `Action` at a time — read orders back, write an intent, send one
/// location's orders once, back off, write an outcome — then takes the result as an event. Its
/// rules: nothing is sent while an intent without an outcome is not read back; an intent is on disk
/// before its call goes out; a call whose answer was lost is never re-sent blind — the orders are
/// read back and only those still open go again, at most `maxAttempts` sends in all. Splitting and
/// cancelling orders, which cannot be undone either, are meant to become more kinds of `Action`
/// here, journalled the same way.
struct OrderActions {
    /// What the shell must do next.
    enum Action: Equatable {
        /// Ask Linnworks which of these orders are processed now.
        case readBack([String])
        /// Write this to the journal before the call it announces.
        case record(ShipmentJournal.Entry)
        /// `ProcessOrdersInBatch` for these orders of one location, once.
        case send(orders: [String], location: String?)
        /// Wait before sending again (`failures` sends have failed so far).
        case pause(failures: Int)
        /// Linnworks kept losing the answers: stop the run; the intent stays for the next run to read back.
        case fail(String)
        /// Nothing left to do until more orders are given.
        case done
    }

    /// How an order ended.
    enum Outcome: Equatable {
        case processed(confirmedByReadBack: Bool)
        case refused(String)
    }

    /// The batch in hand and where it has got to.
    private enum State: Equatable {
        case idle
        /// Orders an earlier run sent without writing what came of it.
        case recovering([String])
        case announcing(Batch)
        case sending(Batch, failures: Int)
        case readingBack(Batch, failures: Int)
        case pausing(Batch, failures: Int)
        case concluding(Batch)
        case failed(String)
    }

    private struct Batch: Equatable {
        var number: Int
        var orders: [String]
        /// Per location (sorted by id), the orders still to send.
        var groups: [(location: String?, orders: [String])]

        static func == (a: Batch, b: Batch) -> Bool {
            a.number == b.number && a.orders == b.orders && a.groups.map(\.orders) == b.groups.map(\.orders)
                && a.groups.map(\.location) == b.groups.map(\.location)
        }
    }

    /// What became of each order, from the journal and from this run.
    private(set) var outcomes: [String: Outcome] = [:]
    private var state: State
    private var nextBatch = 0
    let maxAttempts: Int

    /// Starts from what earlier runs of the same content journalled.
    init(journal entries: [ShipmentJournal.Entry], maxAttempts: Int) {
        self.maxAttempts = max(1, maxAttempts)
        var open: [Int: [String]] = [:]
        var outcomes: [String: Outcome] = [:]
        var nextBatch = 0
        for entry in entries {
            nextBatch = max(nextBatch, entry.batch + 1)
            switch entry.kind {
            case .intent:
                open[entry.batch] = entry.orders
            case .outcome:
                open[entry.batch] = nil
                for id in entry.processed ?? [] { outcomes[id] = .processed(confirmedByReadBack: false) }
                for (id, reason) in entry.refused ?? [:] { outcomes[id] = .refused(reason) }
            }
        }
        let unknown = open.keys.sorted().flatMap { open[$0]! }.filter { outcomes[$0] == nil }
        var seen = Set<String>()
        let distinct = unknown.filter { seen.insert($0).inserted }
        self.outcomes = outcomes
        self.nextBatch = nextBatch
        state = distinct.isEmpty ? .idle : .recovering(distinct)
    }

    /// The next thing to do.
    func next() -> Action {
        switch state {
        case .idle: return .done
        case let .recovering(orders): return .readBack(orders)
        case let .announcing(batch): return .record(.init(kind: .intent, batch: batch.number, orders: batch.orders))
        case let .sending(batch, _): return .send(orders: batch.groups[0].orders, location: batch.groups[0].location)
        case let .readingBack(batch, _): return .readBack(batch.groups[0].orders)
        case let .pausing(_, failures): return .pause(failures: failures)
        case let .concluding(batch):
            var processed: [String] = []
            var refused: [String: String] = [:]
            for id in batch.orders {
                switch outcomes[id] {
                case .processed?: processed.append(id)
                case let .refused(reason)?: refused[id] = reason
                case nil: break
                }
            }
            return .record(.init(kind: .outcome, batch: batch.number, orders: batch.orders, processed: processed, refused: refused))
        case let .failed(reason): return .fail(reason)
        }
    }

    /// Takes the next batch (ids lower-cased, with their location); orders whose outcome is known are not sent again.
    /// Only when idle: the shell finishes one batch before it gives the next.
    mutating func process(_ orders: [(id: String, location: String?)]) {
        guard state == .idle else { return }
        let unsent = orders.filter { outcomes[$0.id] == nil }
        guard !unsent.isEmpty else { return }
        var byLocation: [String: [String]] = [:]
        for order in unsent { byLocation[order.location ?? "", default: []].append(order.id) }
        let groups = byLocation.keys.sorted().map { key in (location: key.isEmpty ? nil : key, orders: byLocation[key]!) }
        state = .announcing(Batch(number: nextBatch, orders: unsent.map(\.id), groups: groups))
        nextBatch += 1
    }

    /// The journal holds what `next()` asked to record.
    mutating func recorded() {
        switch state {
        case let .announcing(batch): state = .sending(batch, failures: 0)
        case .concluding: state = .idle
        default: break
        }
    }

    /// Linnworks answered the send: one result per order, in request order.
    mutating func answered(_ results: [ProcessOrderResult]) {
        guard case .sending(var batch, _) = state else { return }
        for (index, id) in batch.groups[0].orders.enumerated() {
            let result = index < results.count ? results[index] : nil
            if result?.isProcessed == true {
                outcomes[id] = .processed(confirmedByReadBack: false)
            } else {
                outcomes[id] = .refused(result == nil ? "no result for this order" : result?.error ?? "not processed")
            }
        }
        batch.groups.removeFirst()
        state = batch.groups.isEmpty ? .concluding(batch) : .sending(batch, failures: 0)
    }

    /// The send's answer was lost (or an error came after Linnworks may have applied it).
    mutating func answerLost() {
        guard case let .sending(batch, failures) = state else { return }
        state = .readingBack(batch, failures: failures + 1)
    }

    /// What a read-back found.
    mutating func readBack(_ check: ProcessingCheck) {
        switch state {
        case .recovering:
            // Found processed: done. Still open or not found: sent again only if this run's file still ships them.
            for id in check.processed { outcomes[id.lowercased()] = .processed(confirmedByReadBack: true) }
            state = .idle
        case .readingBack(var batch, let failures):
            for id in check.processed { outcomes[id.lowercased()] = .processed(confirmedByReadBack: true) }
            for id in check.unknown { outcomes[id.lowercased()] = .refused("Order not found") }
            let open = Set(check.notProcessed.map { $0.lowercased() })
            batch.groups[0].orders.removeAll { !open.contains($0) }
            if batch.groups[0].orders.isEmpty {
                batch.groups.removeFirst()
                state = batch.groups.isEmpty ? .concluding(batch) : .sending(batch, failures: 0)
            } else if failures >= maxAttempts {
                state = .failed("Linnworks did not answer ProcessOrdersInBatch \(failures) times; \(batch.groups[0].orders.count) orders are still open and are read back before anything is sent next time")
            } else {
                state = .pausing(batch, failures: failures)
            }
        default:
            break
        }
    }

    /// The back-off is over.
    mutating func paused() {
        guard case let .pausing(batch, failures) = state else { return }
        state = .sending(batch, failures: failures)
    }
}
