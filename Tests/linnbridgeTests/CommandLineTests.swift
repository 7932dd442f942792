import CSV
import Foundation
import Sandbox
import Testing

/// Runs the built `linnbridge` binary and captures what a user would see.
struct Run {
    var status: Int32
    var stdout: String
    var stderr: String
}

let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

func linnbridgeBinary() throws -> String {
    let candidates = [
        URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("linnbridge").path,
        repositoryRoot + "/.build/debug/linnbridge",
    ]
    guard let found = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
        throw CocoaError(.fileNoSuchFile)
    }
    return found
}

/// The binary set up to run with `arguments` in `directory`, with only the given `LINNWORKS_*` variables.
func linnbridgeProcess(_ arguments: [String], environment: [String: String], directory: String? = nil) throws -> Process {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: try linnbridgeBinary())
    process.arguments = arguments
    if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
    var env = ProcessInfo.processInfo.environment
    for key in env.keys where key.hasPrefix("LINNWORKS_") { env[key] = nil }
    env.merge(environment) { $1 }
    process.environment = env
    return process
}

func linnbridge(_ arguments: [String], environment: [String: String] = [:], directory: String? = nil) throws -> Run {
    let process = try linnbridgeProcess(arguments, environment: environment, directory: directory)
    let out = Pipe(), err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    let errData = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return Run(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self), stderr: String(decoding: errData, as: UTF8.self))
}

/// `linnbridge(_:environment:directory:)` for async tests: waits by polling instead of blocking, so a
/// long run never holds one of the few threads every other test of the process needs (a starved
/// process misses its own deadlines: rate-limit windows slide, kills come late). Output goes to files.
func linnbridgeAsync(_ arguments: [String], environment: [String: String] = [:], directory: String? = nil) async throws -> Run {
    let process = try linnbridgeProcess(arguments, environment: environment, directory: directory)
    let base = NSTemporaryDirectory() + "linnbridge-run-" + UUID().uuidString
    _ = FileManager.default.createFile(atPath: base + ".out", contents: nil)
    _ = FileManager.default.createFile(atPath: base + ".err", contents: nil)
    defer { try? FileManager.default.removeItem(atPath: base + ".out"); try? FileManager.default.removeItem(atPath: base + ".err") }
    process.standardOutput = FileHandle(forWritingAtPath: base + ".out")
    process.standardError = FileHandle(forWritingAtPath: base + ".err")
    try process.run()
    await waitForExit(process)
    return Run(status: process.terminationStatus,
               stdout: (try? String(contentsOfFile: base + ".out", encoding: .utf8)) ?? "",
               stderr: (try? String(contentsOfFile: base + ".err", encoding: .utf8)) ?? "")
}

/// Waits for `process` to end without blocking a thread.
func waitForExit(_ process: Process) async {
    while process.isRunning { try? await Task.sleep(for: .milliseconds(50)) }
    process.waitUntilExit()
}

func scratchDirectory() -> String {
    let dir = NSTemporaryDirectory() + "linnbridge-cli-" + UUID().uuidString
    try! FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    return dir
}

@Suite struct HelpAndUsageTests {
    @Test func topLevelHelpListsEveryCommand() throws {
        let run = try linnbridge(["--help"])
        #expect(run.status == 0)
        for command in ["demo", "watch", "import", "check", "export", "sandbox"] {
            #expect(run.stdout.contains("\n  \(command) "), "\(command) missing from help")
        }
        #expect(try linnbridge([]).stdout == run.stdout)
        #expect(try linnbridge(["help"]).stdout == run.stdout)
    }

    @Test func importStockHelpVerbatim() throws {
        let run = try linnbridge(["help", "import", "stock"])
        #expect(run.status == 0)
        #expect(run.stdout == """
        OVERVIEW: Set stock levels from stock snapshot files.

        Waits while the watcher of the drop root (--root, default ./watch) applies a stock file.

        USAGE: linnbridge import stock [--root <dir>] [--errors <dir>] <file> ...

        OPTIONS:
          --root <dir>              The drop root whose .state/ holds journals and locks (default ./watch).
          --errors <dir>            Write error reports here instead of beside each file.
          --config <file>           The config file (default: linnbridge.json in the drop root, else here); others may not write it.
          --log-format <format>     Log lines as text or json.
          --quiet                   Only warnings and errors.
          --verbose                 Debug detail too.
          -h, --help                Show help information.

        """)
        #expect(try linnbridge(["import", "stock", "--help"]).stdout == run.stdout)
    }

    @Test func versionGoesToStandardOutput() throws {
        let run = try linnbridge(["--version"])
        #expect(run.status == 0)
        #expect(run.stdout.hasPrefix("linnbridge "))
    }

    @Test(arguments: [["no-such-command"], ["import"], ["import", "stock"], ["import", "stock", "--bogus", "x.csv"],
                      ["check", "--kind", "pallets", "x.csv"], ["check", "x.csv", "--errors"], ["import", "bananas"]])
    func usageErrorsExit64(_ arguments: [String]) throws {
        let run = try linnbridge(arguments)
        if arguments == ["import"] {
            #expect(run.status == 0, "a group alone shows its help")
            return
        }
        #expect(run.status == 64, "\(arguments): \(run.stderr)")
        #expect(run.stderr.hasPrefix("Error: "))
        #expect(run.stderr.contains("Usage: linnbridge"))
    }
}

@Suite struct StockCommandTests {
    static let file = "SKU,Level\nMUG-BLU-01,31\nNO-SUCH-SKU,3\n,4\nTEE-BLK-S,lots\n"

    func sandboxEnvironment(_ server: SandboxServer) -> [String: String] { WatchCommandTests.environment(server) }
    func startSandbox() throws -> SandboxServer { try WatchCommandTests.sandbox() }

    @Test func checkOfflineWritesTheReportAndExits1() throws {
        let dir = scratchDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try Self.file.write(toFile: dir + "/stock.csv", atomically: true, encoding: .utf8)
        let run = try linnbridge(["check", dir + "/stock.csv"], environment: ["LINNWORKS_AUTH_URL": "http://127.0.0.1:9"])
        #expect(run.status == 1)
        #expect(run.stderr.contains("stock.checked file.name=stock.csv rows.read=4 rows.would_apply=2 rows.rejected=2 rows.skipped=0 api.calls=0"), "\(run.stderr)")
        #expect(FileManager.default.fileExists(atPath: dir + "/stock.csv.errors.csv"))
    }

    @Test func importAgainstTheSandboxExitCodes() throws {
        let server = try startSandbox()
        defer { server.stop() }
        let env = sandboxEnvironment(server)
        let dir = scratchDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try Self.file.write(toFile: dir + "/stock.csv", atomically: true, encoding: .utf8)
        try "SKU,Level\nMUG-BLU-01,32\n".write(toFile: dir + "/good.csv", atomically: true, encoding: .utf8)
        try "Product,Count\nX,1\n".write(toFile: dir + "/nosku.csv", atomically: true, encoding: .utf8)

        let good = try linnbridge(["import", "stock", dir + "/good.csv"], environment: env)
        #expect(good.status == 0, "\(good.stderr)")
        #expect(server.snapshot().level(sku: "MUG-BLU-01", location: "Default") == 32)
        #expect(!FileManager.default.fileExists(atPath: dir + "/good.csv.errors.csv"))

        try FileManager.default.createDirectory(atPath: dir + "/errors", withIntermediateDirectories: true)
        let some = try linnbridge(["import", "stock", "--errors", dir + "/errors", dir + "/stock.csv"], environment: env)
        #expect(some.status == 1)
        let reader = try CSVReader(path: dir + "/errors/stock.csv.errors.csv")
        var codes: [String] = []
        _ = try reader.nextRecord()
        while let record = try reader.nextRecord() { codes.append(record[3].string + ":" + record[2].string) }
        #expect(codes == ["unknown_sku:3", "missing_sku:4", "bad_level:5"])

        let whole = try linnbridge(["import", "stock", dir + "/nosku.csv", dir + "/good.csv"], environment: env)
        #expect(whole.status == 65)
        #expect(whole.stderr.contains("nosku.csv"))

        var refused = env
        refused["LINNWORKS_APPLICATION_SECRET"] = "00000000-0000-0000-0000-000000000000"
        let auth = try linnbridge(["import", "stock", dir + "/good.csv"], environment: refused)
        #expect(auth.status == 77)

        let missing = try linnbridge(["import", "stock", dir + "/good.csv"])
        #expect(missing.status == 78)

        for run in [good, some, whole, auth, missing] {
            for secret in [env["LINNWORKS_APPLICATION_SECRET"]!, env["LINNWORKS_TOKEN"]!] {
                #expect(!run.stdout.contains(secret) && !run.stderr.contains(secret), "a secret reached the output")
            }
        }
    }

    @Test func unreachableLinnworksExits69AndLeavesTheFile() throws {
        let dir = scratchDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try "SKU,Level\nA,1\n".write(toFile: dir + "/stock.csv", atomically: true, encoding: .utf8)
        let run = try linnbridge(["import", "stock", dir + "/stock.csv"], environment: [
            "LINNWORKS_AUTH_URL": "http://127.0.0.1:9", "LINNWORKS_APPLICATION_ID": "a",
            "LINNWORKS_APPLICATION_SECRET": "b", "LINNWORKS_TOKEN": "c",
        ])
        #expect(run.status == 69)
        #expect(FileManager.default.fileExists(atPath: dir + "/stock.csv"))
    }
}

@Suite struct ConfigCommandTests {
    @Test func configNamesA3PLsOwnColumns() throws {
        let dir = scratchDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try FileManager.default.copyItem(atPath: repositoryRoot + "/samples/stock-excel-de.csv", toPath: dir + "/de.csv")
        let without = try linnbridge(["check", dir + "/de.csv"])
        #expect(without.status == 65)
        #expect(without.stderr.contains("Artikelnummer"), "the reason names what was found: \(without.stderr)")
        try #"{"stock": {"columns": {"sku": ["Artikelnummer"], "level": ["Bestand"], "location": ["Lager"]}}}"#
            .write(toFile: dir + "/linnbridge.json", atomically: true, encoding: .utf8)
        let with = try linnbridge(["check", "--config", dir + "/linnbridge.json", "--log-format", "json", dir + "/de.csv"])
        #expect(with.status == 1, "\(with.stderr)")
        let line = try #require(with.stderr.split(separator: "\n").first)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        #expect(object["msg"] as? String == "stock.checked")
        #expect(object["rows.read"] as? String == "3")
        #expect(object["rows.rejected"] as? String == "1")
        let report = try String(contentsOfFile: dir + "/de.csv.errors.csv", encoding: .utf8)
        #expect(report.contains("SOAP-OAT"))
        #expect(report.contains("Seife Hafer"))
    }

    /// A duration option with `inf`, `nan`, a negative or more than a week is a usage error naming the option.
    @Test(arguments: ["inf", "nan", "-1", "0", "604801", "1e300"])
    func unboundedPollIsAUsageError(_ value: String) throws {
        let root = scratchDirectory()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let run = try linnbridge(["watch", "--once", "--root", root, "--poll", value])
        #expect(run.status == 64, "\(value): \(run.stderr)")
        #expect(run.stderr.contains("--poll must be a number of seconds above 0 and at most 604800 (7 days), got '\(value)'"), "\(run.stderr)")
        let sandbox = try linnbridge(["sandbox", "--session-idle", value])
        #expect(sandbox.status == 64, "\(value): \(sandbox.stderr)")
        #expect(sandbox.stderr.contains("--session-idle"))
    }

    /// In the config the same bound is a configuration error (78) naming the key.
    @Test func unboundedDurationInTheConfigExits78NamingTheKey() throws {
        let root = scratchDirectory()
        defer { try? FileManager.default.removeItem(atPath: root) }
        try #"{"watch": {"pollSeconds": 1e300}}"#.write(toFile: root + "/linnbridge.json", atomically: true, encoding: .utf8)
        let run = try linnbridge(["watch", "--once", "--root", root])
        #expect(run.status == 78, "\(run.stderr)")
        #expect(run.stderr.contains("watch.pollSeconds: expected a number of seconds of at most 604800 (7 days)"), "\(run.stderr)")
        try #"{"exports": {"openOrdersEvery": 1e7}}"#.write(toFile: root + "/linnbridge.json", atomically: true, encoding: .utf8)
        let export = try linnbridge(["export", "open-orders", "--root", root])
        #expect(export.status == 78, "\(export.stderr)")
        #expect(export.stderr.contains("exports.openOrdersEvery"), "\(export.stderr)")
    }

    @Test func badConfigExits78NamingTheKey() throws {
        let dir = scratchDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try "SKU,Level\nA,1\n".write(toFile: dir + "/s.csv", atomically: true, encoding: .utf8)
        try #"{"stock": {"batchSize": "lots"}}"#.write(toFile: dir + "/bad.json", atomically: true, encoding: .utf8)
        let run = try linnbridge(["check", "--config", dir + "/bad.json", dir + "/s.csv"])
        #expect(run.status == 78)
        #expect(run.stderr.contains("stock.batchSize"))
        let missing = try linnbridge(["check", "--config", dir + "/nope.json", dir + "/s.csv"])
        #expect(missing.status == 78)
        #expect(missing.stderr.contains("nope.json"))
    }
}
