import CSV
import Foundation
import Sandbox
import Testing

/// `linnbridge export …` as a user meets it: the built binary, against the sandbox over loopback.
@Suite struct ExportCommandTests {
    func sandboxEnvironment(_ server: SandboxServer) -> [String: String] { WatchCommandTests.environment(server) }
    func startSandbox() throws -> SandboxServer { try WatchCommandTests.sandbox() }

    /// Runs the binary in `directory`, so the default `./watch/…` folders land there.
    func linnbridge(in directory: String, _ arguments: [String], environment: [String: String]) throws -> Run {
        try linnbridgeTests.linnbridge(arguments, environment: environment, directory: directory)
    }

    func csvFiles(_ directory: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []).filter { $0.hasSuffix(".csv") }.sorted()
    }

    @Test func openOrdersToOutThenNothingThenAll() throws {
        let server = try startSandbox()
        defer { server.stop() }
        let env = sandboxEnvironment(server)
        let dir = scratchDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }

        let first = try linnbridge(in: dir, ["export", "open-orders", "--out", dir + "/out"], environment: env)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stderr.contains("export.open_orders file.name=open-orders-"), "\(first.stderr)")
        #expect(first.stderr.contains("orders=7 items=13"), "\(first.stderr)")
        #expect(csvFiles(dir + "/out").count == 1)
        #expect(FileManager.default.fileExists(atPath: dir + "/watch/.state/exports.jsonl"))

        let second = try linnbridge(in: dir, ["export", "open-orders", "--out", dir + "/out"], environment: env)
        #expect(second.status == 0)
        #expect(second.stderr.contains("export.open_orders.nothing_to_export"), "\(second.stderr)")
        #expect(csvFiles(dir + "/out").count == 1)

        let all = try linnbridge(in: dir, ["export", "open-orders", "--all", "--location", "3PL Warehouse"], environment: env)
        #expect(all.status == 0, "\(all.stderr)")
        #expect(all.stderr.contains("orders=8"), "\(all.stderr)")
        #expect(csvFiles(dir + "/watch/outbox").count == 1, "the default outbox")

        for run in [first, second, all] {
            for secret in [env["LINNWORKS_APPLICATION_SECRET"]!, env["LINNWORKS_TOKEN"]!] {
                #expect(!run.stdout.contains(secret) && !run.stderr.contains(secret), "a secret reached the output")
            }
        }
    }

    @Test func stockLevelsAndExitCodes() throws {
        let server = try startSandbox()
        defer { server.stop() }
        let env = sandboxEnvironment(server)
        let dir = scratchDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }

        let stock = try linnbridge(in: dir, ["export", "stock-levels", "--location", "3PL Warehouse", "--out", dir + "/out"], environment: env)
        #expect(stock.status == 0, "\(stock.stderr)")
        let file = try #require(csvFiles(dir + "/out").first)
        #expect(file.hasPrefix("stock-levels-"))
        let reader = try CSVReader(path: dir + "/out/" + file)
        let header = try #require(try reader.nextRecord())
        #expect((0..<header.count).map { header[$0].string } == ["SKU", "Location", "Stock Level", "Available", "In Orders"])

        let unknown = try linnbridge(in: dir, ["export", "open-orders", "--location", "Back Room", "--out", dir + "/x"], environment: env)
        #expect(unknown.status == 78)
        #expect(unknown.stderr.contains("Back Room"))

        var refused = env
        refused["LINNWORKS_APPLICATION_SECRET"] = "00000000-0000-0000-0000-000000000000"
        #expect(try linnbridge(in: dir, ["export", "open-orders", "--out", dir + "/x"], environment: refused).status == 77)
        #expect(try linnbridge(in: dir, ["export", "stock-levels", "--out", dir + "/x"], environment: [:]).status == 78)

        var unreachable = env
        unreachable["LINNWORKS_AUTH_URL"] = "http://127.0.0.1:9"
        #expect(try linnbridge(in: dir, ["export", "open-orders", "--out", dir + "/x"], environment: unreachable).status == 69)
        #expect(csvFiles(dir + "/x").isEmpty)
    }

    /// Exit status 73: "a local file could not be written … named in the message" (was 69, as if Linnworks were down).
    @Test func anExportThatCannotBeWrittenExits73() throws {
        let server = try startSandbox()
        defer { server.stop() }
        let dir = scratchDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try "not a folder".write(toFile: dir + "/file", atomically: true, encoding: .utf8)
        let run = try linnbridge(in: dir, ["export", "stock-levels", "--out", dir + "/file/out"], environment: sandboxEnvironment(server))
        #expect(run.status == 73, "\(run.stderr)")
        #expect(run.stderr.contains(dir + "/file"), "the message names the path: \(run.stderr)")
    }
}
