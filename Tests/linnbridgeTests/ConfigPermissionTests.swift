import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Documentation/Product.md, "Commands and configuration": a config file writable by anyone but its owner, or whose folder others can
/// write without the sticky bit, is refused (78); `.state/` likewise; the folders above are not checked.
@Suite struct ConfigPermissionTests {
    static let stock = "SKU,Level\nA,1\n"

    /// A folder holding `s.csv` and `linnbridge.json` with `config`, both at the modes given.
    func folder(mode: mode_t, config: String = #"{"stock": {"batchSize": 50}}"#, configMode: mode_t = 0o644) throws -> String {
        let dir = scratchDirectory()
        try Self.stock.write(toFile: dir + "/s.csv", atomically: true, encoding: .utf8)
        try config.write(toFile: dir + "/linnbridge.json", atomically: true, encoding: .utf8)
        #expect(chmod(dir + "/linnbridge.json", configMode) == 0)
        #expect(chmod(dir, mode) == 0)
        return dir
    }

    func check(_ dir: String, root: String? = nil) throws -> Run {
        try linnbridge(["check", "--root", root ?? dir, "--config", dir + "/linnbridge.json", dir + "/s.csv"])
    }

    @Test func aConfigOthersCanWriteIsRefused() throws {
        let dir = try folder(mode: 0o755, configMode: 0o666)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let run = try check(dir)
        #expect(run.status == 78, "\(run.stderr)")
        #expect(run.stderr.contains(dir + "/linnbridge.json: can be written by group or others (mode 0666)"), "\(run.stderr)")
        #expect(run.stderr.contains("chmod go-w " + dir + "/linnbridge.json"), "\(run.stderr)")
        // The implicit linnbridge.json of the drop root too.
        let watch = try linnbridge(["watch", "--once", "--root", dir])
        #expect(watch.status == 78, "\(watch.stderr)")
        #expect(watch.stderr.contains("chmod go-w"), "\(watch.stderr)")
    }

    @Test func aConfigInAFolderOthersCanWriteIsRefused() throws {
        let dir = try folder(mode: 0o777)
        defer { chmod(dir, 0o755); try? FileManager.default.removeItem(atPath: dir) }
        let run = try check(dir)
        #expect(run.status == 78, "\(run.stderr)")
        #expect(run.stderr.contains("its folder \(dir) can be written by group or others without the sticky bit (mode 0777)"), "\(run.stderr)")
        #expect(run.stderr.contains("chmod go-w " + dir), "\(run.stderr)")
        #expect(!FileManager.default.fileExists(atPath: dir + "/s.csv.errors.csv"), "nothing was done")
    }

    @Test func aStickyFolderIsAccepted() throws {
        let dir = try folder(mode: 0o1777)
        defer { chmod(dir, 0o755); try? FileManager.default.removeItem(atPath: dir) }
        let run = try check(dir)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(!run.stderr.contains("config.readable_by_others"), "no secret in this config: \(run.stderr)")
    }

    @Test func aStateFolderOthersCanWriteIsRefusedUnlessSticky() throws {
        let dir = try folder(mode: 0o755)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try FileManager.default.createDirectory(atPath: dir + "/.state", withIntermediateDirectories: true)
        #expect(chmod(dir + "/.state", 0o777) == 0)
        let run = try check(dir)
        #expect(run.status == 78, "\(run.stderr)")
        #expect(run.stderr.contains(dir + "/.state: this folder can be written by group or others without the sticky bit (mode 0777)"), "\(run.stderr)")
        #expect(run.stderr.contains("chmod go-w " + dir + "/.state"), "\(run.stderr)")
        #expect(chmod(dir + "/.state", 0o1777) == 0)
        #expect(try check(dir).status == 0)
    }

    @Test func aReadableConfigHoldingASecretLoadsWithAWarning() throws {
        let secret = "readable-secret-5f1e"
        let dir = try folder(mode: 0o755, config: #"{"linnworks": {"applicationSecret": "\#(secret)"}}"#, configMode: 0o644)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let run = try check(dir)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.contains("warn"), "\(run.stderr)")
        #expect(run.stderr.contains("config.readable_by_others"), "\(run.stderr)")
        #expect(run.stderr.contains("chmod go-r " + dir + "/linnbridge.json"), "\(run.stderr)")
        #expect(!run.stderr.contains(secret))
        #expect(chmod(dir + "/linnbridge.json", 0o600) == 0)
        let quiet = try check(dir)
        #expect(quiet.status == 0 && !quiet.stderr.contains("config.readable_by_others"), "\(quiet.stderr)")
    }
}
