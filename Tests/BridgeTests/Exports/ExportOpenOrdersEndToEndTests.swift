@testable import Bridge
import CSV
import Foundation
import Linnworks
import Sandbox
import Testing

/// The open-order export with the real client against the real sandbox, over loopback HTTP.
@Suite struct ExportOpenOrdersEndToEndTests {
    static let warehouse = "7b3c9d2e-4f5a-4b6c-8d7e-9f0a1b2c3d4e"

    @Test func firstHasEveryOpenOrderSecondNoneThirdOnlyTheNewOne() async throws {
        let folders = ExportFolders()
        defer { folders.cleanUp() }
        let seed = try sampleSeed()
        let server = try startSandbox(seed: seed)
        defer { server.stop() }
        let expected = expectedOrderIDs(server.snapshot())
        #expect(expected.count == 7, "12 at the 3PL, 2 processed, 2 parked, 1 already exported")

        let first = try await OpenOrderExport(options: folders.options(), client: LinnworksClient(credentials: server.credentials())).run()
        let file = try #require(first.file)
        let rows = try exportRows(file)
        #expect(rows[0] == OpenOrderColumn.standard.map(\.rawValue))
        #expect(Set(rows.dropFirst().map { $0[0] }) == expected)
        #expect(rows.count - 1 == 13 && first.rows == 13 && first.orders == 7)
        #expect(first.ordersTagged == 7 && first.ordersLeftOut == 2)
        let afterFirst = server.snapshot()
        for id in expected { #expect(afterFirst.order(id: id)?.identifiers.contains("EXPORTED") == true) }
        #expect(server.counters().throttled == 0)

        let second = try await OpenOrderExport(options: folders.options(), client: LinnworksClient(credentials: server.credentials())).run()
        #expect(second.file == nil && second.orders == 0)
        #expect(folders.files().count == 1, "an export with no orders writes no file")

        // The sandbox cannot create orders, so the third run is against a second sandbox: the
        // account as the first left it (tags included) plus one new order at the 3PL.
        var next = seed
        for index in next.orders.indices {
            next.orders[index].identifiers = afterFirst.order(id: next.orders[index].id)?.identifiers
        }
        var newOrder = next.orders[1]
        newOrder.id = "0b5e1d2c-0000-4000-8000-000000020015"
        newOrder.number = 20015
        newOrder.identifiers = []
        next.orders.append(newOrder)
        let later = try startSandbox(seed: next)
        defer { later.stop() }
        let third = try await OpenOrderExport(options: folders.options(), client: LinnworksClient(credentials: later.credentials())).run()
        let thirdRows = try exportRows(try #require(third.file))
        #expect(Set(thirdRows.dropFirst().map { $0[0] }) == [newOrder.id])
        #expect(thirdRows.dropFirst().allSatisfy { $0[1] == "20015" })
        #expect(later.snapshot().order(id: newOrder.id)?.identifiers.contains("EXPORTED") == true)
    }

    @Test func allExportsTaggedOrdersToo() async throws {
        let folders = ExportFolders()
        defer { folders.cleanUp() }
        let server = try startSandbox(seed: try sampleSeed())
        defer { server.stop() }
        let client = LinnworksClient(credentials: server.credentials())
        _ = try await OpenOrderExport(options: folders.options(), client: client).run()
        let all = try await OpenOrderExport(options: folders.options { $0.exportsAll = true }, client: client).run()
        let ids = Set(try exportRows(try #require(all.file)).dropFirst().map { $0[0] })
        #expect(ids.count == 8, "the 7 just exported and the one exported before")
        let exportedBefore = try #require(try sampleSeed().orders.first { $0.number == 20008 }).id
        #expect(ids.contains(exportedBefore))
        #expect(all.ordersTagged == 0, "every one already carried the tag")
    }

    @Test func tagsOnlyAfterTheRenameAndARestartFinishesTheTagging() async throws {
        let folders = ExportFolders()
        defer { folders.cleanUp() }
        let server = try startSandbox(seed: try sampleSeed())
        defer { server.stop() }
        let client = LinnworksClient(credentials: server.credentials())
        let expected = expectedOrderIDs(server.snapshot())

        // "Killed" right after the rename: the file is in the outbox, nothing is tagged yet.
        let crashed = try await OpenOrderExport(options: folders.options { $0.stopsAfter = .published }, client: client).run()
        #expect(crashed.file != nil && folders.files().count == 1)
        #expect(server.counters().callsByEndpoint["OpenOrders/AssignOrderIdentifier", default: 0] == 0)
        #expect(expectedOrderIDs(server.snapshot()) == expected, "no order tagged before tagging")

        let restart = try await OpenOrderExport(options: folders.options(), client: client).run()
        #expect(restart.recoveredOrders == 7 && restart.ordersTagged == 7)
        #expect(restart.file == nil && restart.orders == 0, "the recovered orders are not exported again")
        #expect(folders.files().count == 1)
        #expect(expectedOrderIDs(server.snapshot()).isEmpty)

        let quiet = try await OpenOrderExport(options: folders.options(), client: client).run()
        #expect(quiet.recoveredOrders == 0 && quiet.file == nil, "recovery happens once")
    }

    @Test func aFileThatNeverReachedTheOutboxIsAbandonedAndItsOrdersGoOutNext() async throws {
        let folders = ExportFolders()
        defer { folders.cleanUp() }
        let server = try startSandbox(seed: try sampleSeed())
        defer { server.stop() }
        let client = LinnworksClient(credentials: server.credentials())
        let expected = expectedOrderIDs(server.snapshot())

        let crashed = try await OpenOrderExport(options: folders.options { $0.stopsAfter = .journaled }, client: client).run()
        #expect(crashed.file == nil)
        #expect(folders.everything().isEmpty, "nothing published, no temporary left")

        let restart = try await OpenOrderExport(options: folders.options(), client: client).run()
        #expect(restart.recoveredOrders == 0)
        #expect(Set(try exportRows(try #require(restart.file)).dropFirst().map { $0[0] }) == expected)
        #expect(expectedOrderIDs(server.snapshot()).isEmpty)
    }

    @Test func formulasAreNeutralisedAndAccentsSurviveAndTheFileRoundTrips() async throws {
        let folders = ExportFolders()
        defer { folders.cleanUp() }
        var seed = try sampleSeed()
        let index = try #require(seed.orders.firstIndex { $0.number == 20002 })
        seed.orders[index].customer.fullName = "=HYPERLINK(\"http://evil.invalid\",\"click\")"
        seed.orders[index].customer.company = "@SUM(1)"
        seed.orders[index].customer.address2 = "-2+3"
        let server = try startSandbox(seed: seed)
        defer { server.stop() }
        let client = LinnworksClient(credentials: server.credentials())
        let summary = try await OpenOrderExport(options: folders.options(), client: client).run()
        let path = try #require(summary.file)
        let bytes = try #require(FileManager.default.contents(atPath: path))
        #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF])
        #expect(String(decoding: bytes, as: UTF8.self).components(separatedBy: "\r\n").count == summary.rows + 2, "CRLF line ends")

        let rows = try exportRows(path)
        let column = { (name: OpenOrderColumn) in rows[0].firstIndex(of: name.rawValue)! }
        let evil = try #require(rows.first { $0[column(.orderNumber)] == "20002" })
        #expect(evil[column(.customerName)] == "'=HYPERLINK(\"http://evil.invalid\",\"click\")")
        #expect(evil[column(.company)] == "'@SUM(1)")
        #expect(evil[column(.address2)] == "'-2+3")
        #expect(evil[column(.quantity)] == "1", "numbers are not guarded")

        // Every value equals what Linnworks holds, read back through the project's own reader.
        let details = try await client.getOrdersById(Array(Set(rows.dropFirst().map { $0[0] })))
        var expectedRows: [[String]] = []
        for order in details.sorted(by: { ($0.orderNumber ?? 0) < ($1.orderNumber ?? 0) }) {
            for item in order.items ?? [] {
                expectedRows.append(OpenOrderColumn.standard.map { column in
                    switch column.cell(order, item) {
                    case let .text(text): return FormulaGuard.neutralise(text)
                    case let .number(number): return number
                    }
                })
            }
        }
        let sortedRows = rows.dropFirst().sorted { Int($0[1])! < Int($1[1])! }
        #expect(sortedRows == expectedRows)
        let names = Set(rows.dropFirst().map { $0[column(.customerName)] })
        #expect(names.isSuperset(of: ["Zoë Brontë", "李 明 (Li Ming)", "Björn Ångström", "Łukasz Wiśniewski"]))
        #expect(rows.contains { $0[column(.address1)] == "Hauptstraße 5" })
    }

    @Test func twoRunsInTheSameSecondGetDistinctNames() async throws {
        let folders = ExportFolders()
        defer { folders.cleanUp() }
        let server = try startSandbox(seed: try sampleSeed())
        defer { server.stop() }
        let client = LinnworksClient(credentials: server.credentials())
        let instant = Date(timeIntervalSince1970: 1_798_000_000)
        let pinned = folders.options { $0.now = { instant }; $0.exportsAll = true }
        let a = try await OpenOrderExport(options: pinned, client: client).run()
        let b = try await OpenOrderExport(options: pinned, client: client).run()
        let stamp = ExportFile.stamp(instant)
        #expect(stamp == "20261223-042640")
        #expect(folders.files() == ["open-orders-\(stamp)-2.csv", "open-orders-\(stamp).csv"])
        #expect(a.file != b.file)
    }

    @Test func unknownLocationIsAConfigurationError() async throws {
        let folders = ExportFolders()
        defer { folders.cleanUp() }
        let server = try startSandbox(seed: try sampleSeed())
        defer { server.stop() }
        do {
            _ = try await OpenOrderExport(options: folders.options { $0.location = "Back Room" },
                                          client: LinnworksClient(credentials: server.credentials())).run()
            Issue.record("an unknown location was accepted")
        } catch {
            guard error.code == .configuration else { Issue.record("\(error)"); return }
            let reason = error.message
            #expect(reason.contains("Back Room"))
        }
        #expect(folders.files().isEmpty)
    }
}
