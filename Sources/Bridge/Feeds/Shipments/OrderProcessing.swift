import Linnworks

/// The thin shell around `OrderActions`: it carries out each action — the journal's writes, the
/// calls, the back-off — and feeds the result back, until the machine says done.
///
/// Exists so the I/O of exactly-once processing is as small as it can be and holds no decision.
struct OrderProcessing {
    typealias Outcome = OrderActions.Outcome
    private var actions: OrderActions
    let journal: ShipmentJournal
    let service: any ShipmentService

    /// Opens the journal of this content and settles what an earlier run left unfinished (its
    /// unanswered batches are read back) before anything is sent.
    static func resume(stateDirectory: String, contentHash: UInt64?, service: any ShipmentService) async throws(BridgeError) -> OrderProcessing {
        let journal = try ShipmentJournal(stateDirectory: stateDirectory, inputPath: "", contentHash: contentHash)
        var processing = OrderProcessing(actions: OrderActions(journal: try journal.entries(), maxAttempts: service.maxSends),
                                         journal: journal, service: service)
        try await processing.perform()
        return processing
    }

    /// What is known of an order before this run sends it (processed or refused by an earlier run).
    func earlierOutcome(of id: String) -> Outcome? { actions.outcomes[id] }

    /// Processes one batch (ids lower-cased, with their location) exactly once; returns each order's outcome.
    mutating func process(_ orders: [(id: String, location: String?)]) async throws(BridgeError) -> [String: Outcome] {
        actions.process(orders)
        try await perform()
        var result: [String: Outcome] = [:]
        for order in orders { result[order.id] = actions.outcomes[order.id] }
        return result
    }

    /// The file is finished: nothing is left to resume.
    func finished() { journal.remove() }

    private mutating func perform() async throws(BridgeError) {
        let service = self.service
        while true {
            switch actions.next() {
            case .done:
                return
            case let .fail(reason):
                throw BridgeError(.linnworksUnavailable, reason)
            case let .record(entry):
                try journal.record(entry)
                actions.recorded()
            case let .readBack(ids):
                let check = try await linnworks { () async throws(LinnworksError) in try await service.checkProcessing(orderIDs: ids) }
                actions.readBack(check)
            case let .pause(failures):
                try await linnworks { () async throws(LinnworksError) in try await service.pauseBeforeResending(afterFailures: failures) }
                actions.paused()
            case let .send(ids, location):
                do throws(LinnworksError) {
                    actions.answered(try await service.processOrdersInBatch(ids, locationID: location))
                } catch {
                    guard case .ambiguous = error else { throw BridgeError(error) }
                    actions.answerLost()
                }
            }
        }
    }
}
