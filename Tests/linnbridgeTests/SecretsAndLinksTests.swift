import Foundation
import Sandbox
import Testing

@Suite(.serialized) struct SecretsAndLinksTests {
    /// After a run with known credentials, no file the bridge wrote and nothing it printed holds the
    /// application secret, the installation token or any session token the sandbox issued.
    @Test func noSecretAnywhere() throws {
        let server = try WatchCommandTests.sandbox()
        defer { server.stop() }
        let env = WatchCommandTests.environment(server)
        let root = WatchCommandTests.dropRoot()
        for name in try FileManager.default.contentsOfDirectory(atPath: repositoryRoot + "/samples") where name.hasSuffix(".csv") {
            let kind = name.hasPrefix("shipments") ? "shipments" : "stock"
            try FileManager.default.copyItem(atPath: repositoryRoot + "/samples/" + name, toPath: root + "/inbox/\(kind)/" + name)
        }
        let runs = [
            try linnbridge(["watch", "--root", root, "--once", "--verbose"], environment: env),
            try linnbridge(["export", "open-orders", "--out", root + "/outbox", "--log-format", "json"], environment: env),
            try linnbridge(["import", "stock", root + "/nothing-here.csv"], environment: env),
        ]
        var secrets = [env["LINNWORKS_APPLICATION_SECRET"]!, env["LINNWORKS_TOKEN"]!]
        secrets += server.issuedSessionTokens()
        #expect(secrets.count > 2, "the runs must have opened sessions")
        var texts = runs.map { $0.stdout + $0.stderr }
        for path in FileManager.default.subpaths(atPath: root) ?? [] {
            if let data = FileManager.default.contents(atPath: root + "/" + path) { texts.append(String(decoding: data, as: UTF8.self)) }
        }
        for text in texts {
            for secret in secrets { #expect(!text.contains(secret), "a secret was written or printed") }
        }
    }

    @Test func aLinkOutOfTheDropFolderIsRefusedAndReported() throws {
        let server = try WatchCommandTests.sandbox()
        defer { server.stop() }
        let root = WatchCommandTests.dropRoot()
        let outside = scratchDirectory() + "/secret.csv"
        try "SKU,Level\nMUG-BLU-01,1\n".write(toFile: outside, atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: root + "/inbox/stock/link.csv", withDestinationPath: outside)
        let run = try linnbridge(["watch", "--root", root, "--once"], environment: WatchCommandTests.environment(server))
        #expect(run.status == 65)
        let reason = try String(contentsOfFile: root + "/errors/link.csv.reason.txt", encoding: .utf8)
        #expect(reason.contains("outside the drop folder"))
        #expect(FileManager.default.fileExists(atPath: outside), "the link's target is left alone")
        #expect(!server.callRecords().contains { $0.endpoint == .setStockLevel })
    }

    /// Something in the inbox that cannot be read as a file (here a folder named like a CSV; the tests
    /// run as root, for whom permissions do not stop reading): rejected with its reason, nothing lost.
    @Test func somethingUnreadableIsRejectedWithItsReason() throws {
        let server = try WatchCommandTests.sandbox()
        defer { server.stop() }
        let root = WatchCommandTests.dropRoot()
        try FileManager.default.createDirectory(atPath: root + "/inbox/stock/folder.csv", withIntermediateDirectories: true)
        try "keep me".write(toFile: root + "/inbox/stock/folder.csv/inside.txt", atomically: true, encoding: .utf8)
        let run = try linnbridge(["watch", "--root", root, "--once"], environment: WatchCommandTests.environment(server))
        #expect(run.status == 65, "\(run.stderr)")
        let reason = try String(contentsOfFile: root + "/errors/folder.csv.reason.txt", encoding: .utf8)
        #expect(reason.contains("cannot be read"))
        #expect(FileManager.default.fileExists(atPath: root + "/errors/folder.csv/inside.txt"), "nothing deleted")
    }
}
