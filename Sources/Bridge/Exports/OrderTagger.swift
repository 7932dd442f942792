import Linnworks

/// Puts the export tag on orders, creating the identifier first if the account lacks it.
///
/// Exists so tagging after a normal export and tagging left over from an interrupted one are
/// the same code. Tagging is idempotent in Linnworks (an order that has the tag, or is no longer
/// open, comes back as not changed), so finishing a half-tagged file again is safe.
struct OrderTagger: Sendable {
    let client: LinnworksClient
    let tag: String
    let chunkSize: Int
    let callsInFlight: Int
    /// Calls made so far.
    private(set) var calls = 0
    private var hasCheckedIdentifier = false

    init(client: LinnworksClient, tag: String, chunkSize: Int, callsInFlight: Int) {
        self.client = client
        self.tag = tag
        self.chunkSize = max(1, chunkSize)
        self.callsInFlight = max(1, callsInFlight)
    }

    /// Tags `orderIDs`; returns how many changed (the rest had the tag or are no longer open).
    mutating func tag(_ orderIDs: [String]) async throws(BridgeError) -> Int {
        if orderIDs.isEmpty { return 0 }
        try await ensureIdentifier()
        let client = self.client, tag = self.tag, size = chunkSize
        let chunks = stride(from: 0, to: orderIDs.count, by: size).map {
            Array(orderIDs[$0..<min(orderIDs.count, $0 + size)])
        }
        var changed = 0
        calls += try await fetchInOrder(
            window: callsInFlight, count: chunks.count,
            fetch: { index async throws(LinnworksError) in
                try await client.assignOrderIdentifier(tag: tag, orderIDs: chunks[index])
            },
            isLast: { _ in false },
            consume: { result throws(BridgeError) in changed += result.changed?.count ?? 0 })
        return changed
    }

    private mutating func ensureIdentifier() async throws(BridgeError) {
        if hasCheckedIdentifier { return }
        let client = self.client, tag = self.tag
        let identifiers = try await linnworks { () async throws(LinnworksError) in try await client.getIdentifiers() }
        calls += 1
        if !identifiers.contains(where: { $0.tag?.caseInsensitiveCompare(tag) == .orderedSame }) {
            _ = try await linnworks { () async throws(LinnworksError) in
                try await client.saveIdentifier(Identifier(name: "Exported to 3PL", tag: tag, isCustom: true))
            }
            calls += 1
        }
        hasCheckedIdentifier = true
    }
}
