import Foundation
import Testing
@testable import Support

/// `linnbridge` marks itself not dumpable before reading credentials; this checks the call does what
/// it says in this (test) process, then sets the flag back. Outside the process the flag cannot be
/// read reliably (as root, `/proc/<pid>/` stays readable either way).
@Suite struct ProcessHardeningTests {
    @Test func disableCoreDumpsClearsTheDumpableFlag() throws {
        #if os(Linux)
        defer { ProcessHardening.restoreDumpable() }
        ProcessHardening.restoreDumpable()
        #expect(ProcessHardening.isDumpable == true)
        #expect(ProcessHardening.disableCoreDumps())
        #expect(ProcessHardening.isDumpable == false)
        #expect(ProcessHardening.disableCoreDumps(), "calling it again is harmless")
        #expect(ProcessHardening.isDumpable == false)
        #endif
    }

    @Test func theCommandCallsItBeforeAnythingElse() throws {
        let main = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Sources/linnbridge/LinnBridgeMain.swift")
        let source = try String(contentsOf: main, encoding: .utf8)
        let body = try #require(source.range(of: "static func main() async {"))
        let firstCall = source[body.upperBound...].split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
            .first { !$0.isEmpty && !$0.hasPrefix("//") }
        #expect(firstCall == "ProcessHardening.disableCoreDumps()")
    }
}
