import Foundation
import Support
import Testing
@testable import Bridge

@Suite struct ConfigFileTests {
    /// A fresh directory, removed after `body`.
    func withTemporaryDirectory(_ body: (String) throws -> Void) throws {
        let directory = NSTemporaryDirectory() + "config-tests-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try body(directory)
    }

    @Test func loadReadsTheFileAndNamesItInErrors() throws {
        try withTemporaryDirectory { directory in
            let path = directory + "/linnbridge.json"
            try Data(#"{"stock": {"batchSize": 50}}"#.utf8).write(to: URL(fileURLWithPath: path))
            #expect(try BridgeConfig.load(path: path).stock.batchSize == 50)
            try Data(#"{"stock": {"batchSize": 5000}}"#.utf8).write(to: URL(fileURLWithPath: path))
            #expect(throws: ConfigError(source: path, keyPath: "stock.batchSize",
                                        message: "expected a whole number from 1 to 1000, found 5000")) {
                try BridgeConfig.load(path: path)
            }
        }
    }

    /// Whoever can change the config can point authUrl at their own server: group-writable is refused too,
    /// and a link is judged by both its own folder and its target's.
    @Test func aConfigOthersCouldChangeIsRefused() throws {
        try withTemporaryDirectory { directory in
            let path = directory + "/linnbridge.json"
            try Data("{}".utf8).write(to: URL(fileURLWithPath: path))
            #expect(chmod(path, 0o664) == 0)
            #expect(throws: ConfigError(source: path, message: "can be written by group or others (mode 0664), so they could point "
                                        + "authUrl or a webhook at their own server; run chmod go-w \(path)")) {
                try BridgeConfig.load(path: path)
            }
            #expect(chmod(path, 0o644) == 0)
            #expect(try BridgeConfig.load(path: path) == BridgeConfig())

            let open = directory + "/open"
            try FileManager.default.createDirectory(atPath: open, withIntermediateDirectories: true)
            try Data("{}".utf8).write(to: URL(fileURLWithPath: open + "/real.json"))
            #expect(chmod(open, 0o777) == 0)
            #expect(symlink(open + "/real.json", directory + "/link.json") == 0)
            #expect(throws: ConfigError(source: directory + "/link.json", message: "its folder \(open) can be written by group or others "
                                        + "without the sticky bit (mode 0777), so they could replace what LinnBridge trusts there; run chmod go-w \(open)")) {
                try BridgeConfig.load(path: directory + "/link.json")
            }
            #expect(chmod(open, 0o1777) == 0)
            #expect(try BridgeConfig.load(path: directory + "/link.json") == BridgeConfig())
        }
    }

    @Test func missingExplicitFileIsAnErrorNamingThePath() throws {
        try withTemporaryDirectory { directory in
            let path = directory + "/nope.json"
            #expect(throws: ConfigError(source: path, message: "cannot be read: No such file or directory")) {
                try BridgeConfig.load(path: path)
            }
            #expect(throws: ConfigError(source: directory, message: "cannot be read: Is a directory")) {
                try BridgeConfig.load(path: directory)
            }
        }
    }

    @Test func missingImplicitFileGivesDefaults() throws {
        try withTemporaryDirectory { directory in
            #expect(try BridgeConfig.loadIfPresent(path: directory + "/linnbridge.json") == BridgeConfig())
            let path = directory + "/linnbridge.json"
            try Data(#"{"logFormat": "json"}"#.utf8).write(to: URL(fileURLWithPath: path))
            #expect(try BridgeConfig.loadIfPresent(path: path).logFormat == .json)
        }
    }

    @Test(arguments: [
        ("{\n  \"stock\": {\n    \"batchSize\": 5 x\n  }\n}", "not valid JSON at line 3, column 20"),
        ("{\n  \"a\": 1\n}\n}", "not valid JSON at line 4, column 1"),
        ("{\"linnworks\": {\"token\": \"abc\" \"def\"}}", "not valid JSON at line 1, column 31"),
        ("{\"stock\": {", "not valid JSON: it ends too early (an unclosed string, list or object?)"),
    ])
    func invalidJSONGivesLineAndColumn(json: String, prefix: String) throws {
        let error = try #require(configError(json))
        #expect(error.keyPath == nil)
        #expect(error.message.hasPrefix(prefix), "\(error.message)")
        #expect(!error.description.contains("abc") && !error.description.contains("def"))
    }

    @Test(arguments: ["", "  \n\t"])
    func emptyFileSaysHowToGetDefaults(json: String) {
        #expect(configError(json) == ConfigError(source: "linnbridge.json", message: "is empty; write {} to use every default"))
    }

    @Test(arguments: [("[]", "a list"), ("\"text\"", "\"text\""), ("3", "3"), ("null", "null")])
    func topLevelMustBeAnObject(json: String, found: String) {
        #expect(configError(json) == ConfigError(source: "linnbridge.json",
                                                 message: "expected a JSON object at the top level, found \(found)"))
    }

    @Test func lineAndColumnCountCharactersNotBytes() {
        let data = Data("{\n  \"é\": x".utf8)
        #expect(BridgeConfig.lineAndColumn(ofByte: data.count - 1, in: data) == (2, 8))
    }
}
