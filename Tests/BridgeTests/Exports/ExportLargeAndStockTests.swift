@testable import Bridge
import Foundation
import Linnworks
import Sandbox
import Testing

/// The large-account export and the stock-level export, against the real sandbox.
@Suite struct ExportLargeAndStockTests {
    @Test func twentyThousandOrderAccountExportsEveryEligibleLine() async throws {
        let folders = ExportFolders()
        defer { folders.cleanUp() }
        let spec = "synthetic:skus=500,orders=20000"
        var sandboxOptions = SandboxOptions()
        sandboxOptions.seed = spec
        sandboxOptions.timeScale = 60
        let seed = try sandboxOptions.loadSeed()
        let server = try SandboxServer(seed: seed, options: sandboxOptions)
        try server.start()
        defer { server.stop() }
        var configuration = LinnworksClientConfiguration()
        configuration.timeScale = 60
        let client = LinnworksClient(credentials: server.credentials(), configuration: configuration)

        let eligible = seed.orders.filter { $0.location == "3PL Warehouse" && $0.isParked != true && $0.isProcessed != true }
        let summary = try await OpenOrderExport(options: folders.options(), client: client).run()
        #expect(summary.orders == eligible.count)
        #expect(summary.rows == eligible.reduce(0) { $0 + $1.items.count })
        let rows = try exportRows(try #require(summary.file))
        #expect(rows.count - 1 == summary.rows)
        #expect(Set(rows.dropFirst().map { $0[0] }).count == eligible.count)
        #expect(summary.ordersTagged == eligible.count)
        #expect(server.counters().throttled == 0)
        let chunks = (eligible.count + 99) / 100
        #expect(summary.apiCalls >= 2 + 2 * chunks, "locations, list, details and tags in chunks of 100")
    }

    @Test func stockLevelsForOneLocationMatchTheAccount() async throws {
        let folders = ExportFolders()
        defer { folders.cleanUp() }
        var sandboxOptions = SandboxOptions()
        sandboxOptions.seed = "synthetic:skus=1050,orders=0"
        let server = try SandboxServer(options: sandboxOptions)
        try server.start()
        defer { server.stop() }
        let client = LinnworksClient(credentials: server.credentials())
        var options = StockLevelExport.Options(outbox: folders.outbox)
        options.location = "3pl warehouse"
        let summary = try await StockLevelExport(options: options, client: client).run()
        let rows = try exportRows(try #require(summary.file))
        #expect(rows[0] == StockLevelExport.header)
        #expect(rows.count - 1 == 1050 && summary.rows == 1050 && summary.orders == 1050)
        let state = server.snapshot()
        for row in rows.dropFirst() {
            #expect(row[1] == "3PL Warehouse")
            #expect(Int(row[2]) == state.level(sku: row[0], location: "3PL Warehouse"))
            #expect(Int(row[3])! == Int(row[2])! - Int(row[4])!)
        }
        #expect(Set(rows.dropFirst().map { $0[0] }).count == 1050, "every SKU once, pages neither lost nor repeated")

        let everywhere = try await StockLevelExport(options: StockLevelExport.Options(outbox: folders.outbox), client: client).run()
        #expect(everywhere.rows == 2100)
    }
}
