@testable import Bridge
import Foundation
import Linnworks
import Sandbox
import Testing

/// The repository's root, for the samples.
/// The folder holding Package.swift, found from this file wherever it sits under Tests/.
let repositoryRoot: String = {
    var url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    while url.path != "/", !FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) {
        url.deleteLastPathComponent()
    }
    return url.path
}()

/// A sandbox on a free loopback port, seeded from `samples/sandbox-account.json`.
func startSandbox(configure: (inout SandboxOptions) -> Void = { _ in }) throws -> SandboxServer {
    var options = SandboxOptions()
    options.seed = repositoryRoot + "/samples/sandbox-account.json"
    configure(&options)
    let server = try SandboxServer(options: options)
    try server.start()
    return server
}

/// The real client against the real sandbox, over HTTP.
@Suite struct StockFeedEndToEndTests {
    @Test func sampleStockFileAgainstTheSandbox() async throws {
        let server = try startSandbox()
        defer { server.stop() }
        let client = LinnworksClient(credentials: server.credentials())
        let (dir, path) = writeTemporary(try String(contentsOfFile: repositoryRoot + "/samples/stock-3pl.csv", encoding: .utf8), name: "stock-3pl.csv")
        defer { try? FileManager.default.removeItem(atPath: dir) }

        let summary = try await StockFeed(options: StockFeedOptions(), service: client).run(path: path, reportPath: path + ".errors.csv")
        #expect(summary.rowsRead == 9)
        #expect(summary.applied == 3)
        #expect(summary.rejected == 6)
        #expect(summary.apiCalls == 2)

        let state = server.snapshot()
        #expect(state.level(sku: "MUG-BLU-01", location: "3PL Warehouse") == 55, "the last of two rows wins")
        #expect(state.level(sku: "TEE-BLK-S", location: "3PL Warehouse") == 7)
        #expect(state.level(sku: "BOTTLE-750", location: "Default") == 30, "no location: the default location")
        #expect(state.level(sku: "TEE-BLK-M", location: "3PL Warehouse") != nil)

        let rows = try reportRows(try #require(summary.reportPath))
        #expect(rows[0] == ["SKU", "Title", "Stock Level", "Warehouse", "line", "error_code", "error"])
        #expect(rows.dropFirst().map { [$0[4], $0[5]] } == [
            ["2", "superseded"], ["4", "bad_level"], ["5", "missing_sku"], ["6", "bad_level"], ["7", "unknown_sku"], ["8", "unknown_location"],
        ])
        #expect(rows[5][6] == "SKU WIDGET-9000 does not exist in Linnworks.")
        #expect(rows[6][6] == "There is no stock location called \"Back Room\" in Linnworks.")
        #expect(server.counters().throttled == 0)
    }

    @Test func onlineCheckChangesNothing() async throws {
        let server = try startSandbox()
        defer { server.stop() }
        let before = server.snapshot()
        let client = LinnworksClient(credentials: server.credentials())
        let (dir, path) = writeTemporary(try String(contentsOfFile: repositoryRoot + "/samples/stock-3pl.csv", encoding: .utf8), name: "stock-3pl.csv")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let summary = try await StockFeed(options: StockFeedOptions(mode: .check(online: true)), service: client)
            .run(path: path, reportPath: path + ".errors.csv")
        #expect(summary.wouldApply == 3)
        #expect(summary.rejected == 6)
        #expect(server.snapshot() == before)
        let codes = try reportRows(try #require(summary.reportPath)).dropFirst().map { $0[5] }
        #expect(codes.contains("unknown_sku"))
        #expect(codes.contains("unknown_location"))
    }

    @Test func wrongCredentialsAndNoServer() async throws {
        let server = try startSandbox()
        defer { server.stop() }
        var wrong = server.credentials()
        wrong.applicationSecret = .init("00000000-0000-0000-0000-000000000000")
        let (dir, path) = writeTemporary("SKU,Level\nMUG-BLU-01,3\n")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        do {
            _ = try await StockFeed(options: StockFeedOptions(), service: LinnworksClient(credentials: wrong)).run(path: path, reportPath: path + ".errors.csv")
            Issue.record("wrong credentials accepted")
        } catch {
            guard error.code == .credentialsRefused else { Issue.record("\(error)"); return }
        }
        var nowhere = server.credentials()
        nowhere.authURL = "http://127.0.0.1:9"
        var configuration = LinnworksClientConfiguration()
        configuration.retry.initialDelay = 0.01
        do {
            _ = try await StockFeed(options: StockFeedOptions(), service: LinnworksClient(credentials: nowhere, configuration: configuration))
                .run(path: path, reportPath: path + ".errors.csv")
            Issue.record("no server, yet it worked")
        } catch {
            guard error.code == .linnworksUnavailable else { Issue.record("\(error)"); return }
        }
    }
}
