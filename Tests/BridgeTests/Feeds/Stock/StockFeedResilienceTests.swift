@testable import Bridge
import CSV
import Foundation
import Linnworks
import Sandbox
import Testing

/// The stock feed through every dialect the CSV engine reads, and through a misbehaving
/// Linnworks, against the sandbox over HTTP.
@Suite struct StockFeedResilienceTests {
    static let rows = [["MUG-BLU-01", "11", "3PL Warehouse"], ["TEE-BLK-S", "12", "3PL Warehouse"], ["0042-KÄSE", "13", "Default"]]

    static func encode(_ text: String, as dialect: String) -> [UInt8] {
        switch dialect {
        case "utf16le": return [0xFF, 0xFE] + text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        case "utf16be": return [0xFE, 0xFF] + text.utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
        case "cp1252": return text.unicodeScalars.map { $0 == "Ä" ? 0xC4 : UInt8($0.value) }
        case "bom": return [0xEF, 0xBB, 0xBF] + Array(text.utf8)
        default: return Array(text.utf8)
        }
    }

    @Test(arguments: [
        (",", "\r\n", "utf8"), (";", "\n", "bom"), ("\t", "\r\n", "utf16le"), ("|", "\r", "cp1252"),
        (";", "\r\n", "utf16be"), (",", "\n", "cp1252"),
    ])
    func everyDialectAppliesTheSameLevels(_ dialect: (String, String, String)) async throws {
        let (delimiter, end, encoding) = dialect
        let server = try startSandbox()
        defer { server.stop() }
        let lines = [["Item Number", "Qty On Hand", "Warehouse"]] + Self.rows
        let text = lines.map { $0.joined(separator: delimiter) }.joined(separator: end) + end
        let dir = NSTemporaryDirectory() + "linnbridge-dialect-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = dir + "/stock.csv"
        _ = FileManager.default.createFile(atPath: path, contents: Data(Self.encode(text, as: encoding)))

        let summary = try await StockFeed(options: StockFeedOptions(), service: LinnworksClient(credentials: server.credentials()))
            .run(path: path, reportPath: path + ".errors.csv")
        #expect(summary.applied == 3, "\(dialect)")
        #expect(summary.rejected == 0)
        let state = server.snapshot()
        for row in Self.rows {
            #expect(state.level(sku: row[0], location: row[2]) == Int(row[1]), "\(row[0]) in \(dialect)")
        }
    }

    @Test func emptyAndHeaderOnlyFiles() async throws {
        let server = try startSandbox()
        defer { server.stop() }
        let client = LinnworksClient(credentials: server.credentials())
        let (dir, empty) = writeTemporary("", name: "empty.csv")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        await #expect(throws: BridgeError.self) {
            try await StockFeed(options: StockFeedOptions(), service: client).run(path: empty, reportPath: empty + ".errors.csv")
        }
        let headerOnly = dir + "/header.csv"
        try "SKU,Level\r\n".write(toFile: headerOnly, atomically: true, encoding: .utf8)
        let summary = try await StockFeed(options: StockFeedOptions(), service: client).run(path: headerOnly, reportPath: headerOnly + ".errors.csv")
        #expect(summary.rowsRead == 0)
        #expect(summary.reportPath == nil)
        #expect(summary.apiCalls == 1, "only the location look-up")
    }

    /// 500s before and after Linnworks applied the batch, and dropped connections before and
    /// after: every row still ends applied (with its last value) or reported.
    @Test func faultsLoseNothing() async throws {
        let counters = try await runAgainstMisbehavingSandbox(skuCount: 120, faults: "seed=11,error-before=0.1,error-after=0.1,drop=0.05,drop-after=0.05")
        #expect(counters.faults.values.reduce(0, +) > 10, "the test must meet faults to prove anything")
    }

    /// An unpaced client meets 429s; honouring Retry-After, every row still ends applied or reported.
    /// 10 calls per 3 s: a client sending 11 calls within 3 s meets a 429, however loaded the machine.
    @Test func throttlingLosesNothing() async throws {
        let counters = try await runAgainstMisbehavingSandbox(skuCount: 30, faults: "seed=1", timeScale: 20, callsPerMinute: 10)
        #expect(counters.throttled > 0, "the test must meet 429s to prove anything")
    }

    /// One call per row (batch size 1) for `skuCount` SKUs plus a superseded row and an unknown SKU,
    /// against a sandbox allowing `callsPerMinute` SetStockLevel calls per scaled minute, with the client's pacing off.
    func runAgainstMisbehavingSandbox(skuCount: Int, faults: String, timeScale: Double = 60,
                                      callsPerMinute: Int = 100) async throws -> SandboxCounters {
        let server = try startSandbox { options in
            options.seed = "synthetic:skus=\(skuCount),orders=0"
            options.timeScale = timeScale
            options.callsPerMinute[.setStockLevel] = callsPerMinute
            options.faults = try! FaultPlan.parse(faults)
        }
        defer { server.stop() }
        var configuration = LinnworksClientConfiguration()
        configuration.isPacingEnabled = false
        configuration.retry.initialDelay = 0.01
        configuration.retry.maxDelay = 0.05
        configuration.retry.maxAttempts = 12
        configuration.retry.throttleDelay = 0.05
        configuration.retry.maxThrottleWaits = 50
        configuration.requestTimeout = 5
        let client = LinnworksClient(credentials: server.credentials(), configuration: configuration)

        let skus = Set(server.snapshot().stockLevels.map(\.sku)).sorted()
        var text = "SKU,Level,Location\n"
        var expected: [String: Int] = [:]
        for (index, sku) in skus.enumerated() {
            text += "\(sku),\(index + 1000),Default\n"
            expected[sku] = index + 1000
        }
        text += "\(skus[0]),7,Default\nNOT-A-SKU,1,Default\n"
        expected[skus[0]] = 7
        let (dir, path) = writeTemporary(text)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        var options = StockFeedOptions()
        options.batchSize = 1
        let summary = try await StockFeed(options: options, service: client).run(path: path, reportPath: path + ".errors.csv")

        #expect(summary.applied + summary.rejected == summary.rowsRead, "every row applied or reported")
        #expect(summary.applied == expected.count)
        #expect(summary.rejected == 2)
        let codes = try reportRows(try #require(summary.reportPath)).dropFirst().map { $0[4] }
        #expect(codes == ["superseded", "unknown_sku"])
        let state = server.snapshot()
        for (sku, level) in expected {
            #expect(state.level(sku: sku, location: "Default") == level, "\(sku)")
        }
        return server.counters()
    }
}
