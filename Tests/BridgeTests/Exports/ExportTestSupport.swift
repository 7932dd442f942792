@testable import Bridge
import CSV
import Foundation
import Linnworks
import Sandbox

/// A fresh outbox and state directory, removed by `cleanUp()`.
struct ExportFolders {
    let root: String
    var outbox: String { root + "/outbox" }
    var state: String { root + "/.state" }

    init() {
        root = NSTemporaryDirectory() + "linnbridge-export-" + UUID().uuidString
        try? FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
    }

    func cleanUp() { try? FileManager.default.removeItem(atPath: root) }

    /// The CSV files in the outbox, sorted by name (hidden temporaries excluded).
    func files() -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: outbox)) ?? []).filter { !$0.hasPrefix(".") }.sorted()
    }

    /// Every entry of the outbox, hidden ones included.
    func everything() -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: outbox)) ?? []).sorted()
    }

    func options(_ configure: (inout OpenOrderExportOptions) -> Void = { _ in }) -> OpenOrderExportOptions {
        var options = OpenOrderExportOptions(outbox: outbox, stateDirectory: state)
        configure(&options)
        return options
    }
}

/// The sample seed, as a value tests can change before starting a sandbox on it.
func sampleSeed() throws -> SandboxSeed {
    try SandboxSeed.load(path: repositoryRoot + "/samples/sandbox-account.json")
}

func startSandbox(seed: SandboxSeed, configure: (inout SandboxOptions) -> Void = { _ in }) throws -> SandboxServer {
    var options = SandboxOptions()
    configure(&options)
    let server = try SandboxServer(seed: seed, options: options)
    try server.start()
    return server
}

/// The rows of an export file read back with the project's own CSV reader (header first).
func exportRows(_ path: String) throws -> [[String]] {
    let reader = try CSVReader(path: path)
    var rows: [[String]] = []
    while let record = try reader.nextRecord() {
        rows.append((0..<record.count).map { record[$0].string })
    }
    return rows
}

/// Ids of the open orders at the 3PL location that the default export should pick.
func expectedOrderIDs(_ state: SandboxSnapshot, tag: String = "EXPORTED", location: String = "7b3c9d2e-4f5a-4b6c-8d7e-9f0a1b2c3d4e") -> Set<String> {
    Set(state.orders.filter {
        !$0.isProcessed && !$0.isParked && $0.locationID == location && !$0.identifiers.contains(tag)
    }.map(\.orderID))
}
