import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// The built binary marks itself not dumpable at start: the kernel then makes `/proc/<pid>/` root-owned,
/// which shows from outside when the binary runs as an ordinary user (here `nobody`, via `setpriv`).
@Suite struct CoreDumpTests {
    @Test(.enabled(if: getuid() == 0 && FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv"),
                   "needs root and setpriv to start the binary as another user"))
    func theRunningBinaryIsNotDumpable() async throws {
        let dir = scratchDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        #expect(chmod(dir, 0o755) == 0)
        try FileManager.default.copyItem(atPath: try linnbridgeBinary(), toPath: dir + "/linnbridge")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/setpriv")
        process.arguments = ["--reuid=65534", "--regid=65534", "--clear-groups", dir + "/linnbridge",
                             "sandbox", "--seed", "synthetic:skus=1,orders=1"]
        process.currentDirectoryURL = URL(fileURLWithPath: dir)
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        // SIGKILL: a SIGTERM landing between the address line and the sandbox's signal sources is ignored.
        defer { kill(process.processIdentifier, SIGKILL); process.waitUntilExit() }
        // The address line: the sandbox is up, so main has run well past its first line.
        let line = out.fileHandleForReading.availableData
        #expect(String(decoding: line, as: UTF8.self).hasPrefix("http://127.0.0.1:"))
        var status = stat()
        #expect(stat("/proc/\(process.processIdentifier)/status", &status) == 0)
        let running = try String(contentsOfFile: "/proc/\(process.processIdentifier)/status", encoding: .utf8)
        #expect(running.contains("\nUid:\t65534"), "the binary runs as nobody")
        #expect(status.st_uid == 0, "a dumpable process's /proc entries belong to its own user, 65534")
    }
}
