import Linnworks

/// TEMPORARY adapter over the journal and the client's processing loop, until OrderActions lands.
struct OrderProcessing {
    enum Outcome { case processed, refused(String) }
    let journal: ShipmentJournal
    let client: LinnworksClient
    var recovered: ShipmentJournal.Recovered
    var batch: Int

    static func resume(options: ShipmentFeedOptions, client: LinnworksClient, contentHash: UInt64?) async throws(BridgeError) -> OrderProcessing {
        let journal = try ShipmentJournal(stateDirectory: options.stateDirectory, inputPath: "", contentHash: contentHash)
        var recovered = try journal.recover()
        if !recovered.unknown.isEmpty {
            let unknown = Array(recovered.unknown)
            let check = try await linnworks { () async throws(LinnworksError) in try await client.checkProcessing(orderIDs: unknown) }
            recovered.processed.formUnion(check.processed)
        }
        return OrderProcessing(journal: journal, client: client, recovered: recovered, batch: recovered.nextBatch)
    }

    func earlierOutcome(of id: String) -> Outcome? {
        if recovered.processed.contains(id) { return .processed }
        if let reason = recovered.refused[id] { return .refused(reason) }
        return nil
    }

    mutating func process(_ orders: [(id: String, location: String?)]) async throws(BridgeError) -> [String: Outcome] {
        let ids = orders.map(\.id)
        try journal.record(.init(kind: .intent, batch: batch, orders: ids))
        var processed: [String] = []
        var refused: [String: String] = [:]
        var byLocation: [String: [String]] = [:]
        for order in orders { byLocation[order.location ?? "", default: []].append(order.id) }
        let client = self.client
        for (location, orderIDs) in byLocation.sorted(by: { $0.key < $1.key }) {
            let results = try await linnworks { () async throws(LinnworksError) in
                try await client.processOrders(orderIDs, locationID: location.isEmpty ? nil : location)
            }
            for result in results {
                if result.isProcessed { processed.append(result.orderID.lowercased()) } else { refused[result.orderID.lowercased()] = result.error ?? "not processed" }
            }
        }
        try journal.record(.init(kind: .outcome, batch: batch, orders: ids, processed: processed, refused: refused))
        batch += 1
        var outcome: [String: Outcome] = [:]
        for id in processed { outcome[id] = .processed }
        for (id, reason) in refused { outcome[id] = .refused(reason) }
        return outcome
    }

    func finished() { journal.remove() }
}
