import CSV
import Foundation
import Linnworks
import Support

/// The open-order export: every open order of the fulfilment location not yet sent to the 3PL,
/// one row per order line, published atomically to the outbox and then tagged in Linnworks.
///
/// Exists because Linnworks' own export re-sends every open order each time. The order of the
/// steps is what makes each order go out once: the file is complete and its orders journaled
/// before it is renamed into the outbox, and orders are tagged only after the rename. A run
/// first finishes whatever an interrupted run left: a published file's orders are tagged; a
/// file that never reached the outbox is abandoned, and its untagged orders go out in this
/// run's file (if the 3PL could have seen it, the log says so by name).
public struct OpenOrderExport: Sendable {
    /// The steps a crash can fall between (for tests).
    enum Step { case journaled, published }

    var options: OpenOrderExportOptions
    let client: LinnworksClient

    public init(options: OpenOrderExportOptions, client: LinnworksClient) {
        self.options = options
        self.client = client
    }

    public func run() async throws(BridgeError) -> ExportSummary {
        let started = ContinuousClock.now
        var summary = ExportSummary()
        let columns = try OpenOrderColumn.columns(named: options.columns)
        try makeDirectory(options.outbox)
        try makeDirectory(options.stateDirectory)
        let lock = try await ExportLock.acquire(stateDirectory: options.stateDirectory,
                                                  waits: options.waitsForOtherExports, logger: options.logger)
        defer { withExtendedLifetime(lock) {} }
        let journal = ExportJournal(stateDirectory: options.stateDirectory)
        var tagger = OrderTagger(client: client, tag: options.tag, chunkSize: options.tagChunkSize,
                                 callsInFlight: options.callsInFlight)

        try await finishInterrupted(journal: journal, tagger: &tagger, summary: &summary)
        try journal.compact()

        let client = self.client
        let locations = try await linnworks { () async throws(LinnworksError) in try await client.getStockLocations() }
        summary.apiCalls += 1
        let location = try FulfilmentLocation.resolve(options.location, among: locations)
        let filter = options.exportsAll ? nil : FieldsFilter.identifier(options.tag, present: false)
        let orderIDs = try await linnworks { () async throws(LinnworksError) in
            try await client.getAllOpenOrders(fulfilmentCenter: location.id, filters: filter)
        }
        summary.apiCalls += 1

        let file = try ExportFile(directory: options.outbox, prefix: "open-orders", date: options.now(),
                                  usedNames: try journal.fileNames(), bom: options.bom)
        let rows = OpenOrderRows(file: file, columns: columns, options: options)
        try rows.writeHeader()
        let size = max(1, options.detailChunkSize)
        let chunks = stride(from: 0, to: orderIDs.count, by: size).map {
            Array(orderIDs[$0..<min(orderIDs.count, $0 + size)])
        }
        summary.apiCalls += try await fetchInOrder(
            window: options.callsInFlight, count: chunks.count,
            fetch: { index async throws(LinnworksError) in try await client.getOrdersById(chunks[index]) },
            isLast: { _ in false },
            consume: rows.write)
        let exported = rows.exportedOrderIDs
        summary.rows = rows.rows
        summary.ordersLeftOut = rows.leftOut
        summary.orders = exported.count

        if exported.isEmpty && !options.writeEmptyFiles {
            file.discard()
            summary.seconds = Self.seconds(since: started)
            return summary
        }
        try journal.record(.written, file: file.destination, tag: options.tag, orderIDs: exported)
        if options.stopsAfter == .journaled { return summary }
        try file.publish()
        try journal.record(.published, file: file.destination)
        summary.file = file.destination
        if options.stopsAfter == .published { return summary }

        summary.ordersTagged += try await tagger.tag(exported)
        try journal.record(.tagged, file: file.destination)
        summary.apiCalls += tagger.calls
        summary.seconds = Self.seconds(since: started)
        return summary
    }

    /// Tags the orders of files an earlier run published but did not tag; abandons files it never published.
    private func finishInterrupted(journal: ExportJournal, tagger: inout OrderTagger,
                                   summary: inout ExportSummary) async throws(BridgeError) {
        for unfinished in try journal.unfinished() {
            let name = (unfinished.file as NSString).lastPathComponent
            if unfinished.isPublished || FileManager.default.fileExists(atPath: unfinished.file) {
                var recovering = tagger
                if !unfinished.tag.isEmpty && unfinished.tag.caseInsensitiveCompare(options.tag) != .orderedSame {
                    recovering = OrderTagger(client: client, tag: unfinished.tag, chunkSize: options.tagChunkSize,
                                             callsInFlight: options.callsInFlight)
                }
                let tagged = try await recovering.tag(unfinished.orderIDs)
                try journal.record(.tagged, file: unfinished.file)
                summary.recoveredOrders += unfinished.orderIDs.count
                summary.ordersTagged += tagged
                summary.apiCalls += recovering.calls
                if recovering.tag == tagger.tag { tagger = recovering }
                options.logger.warning("export.recovered", [
                    "file.name": name, "orders": String(unfinished.orderIDs.count),
                    "reason": "an earlier run published this file but stopped before tagging its orders; tagged now",
                ])
            } else {
                try journal.record(.abandoned, file: unfinished.file)
                options.logger.warning("export.abandoned", [
                    "file.name": name, "orders": String(unfinished.orderIDs.count),
                    "reason": "an earlier run stopped before publishing this file; its orders go out in the next file. If the 3PL nevertheless received \(name), these orders appear twice",
                ])
            }
        }
    }

    static func seconds(since start: ContinuousClock.Instant) -> Double {
        let elapsed = ContinuousClock.now - start
        return elapsed.inSeconds
    }
}
