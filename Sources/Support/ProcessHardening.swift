#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

#if os(Linux)
// Glibc's `prctl` is variadic, which Swift cannot call; this fixes its five arguments.
@_silgen_name("prctl")
private func c_prctl(_ option: Int32, _ arg2: UInt, _ arg3: UInt, _ arg4: UInt, _ arg5: UInt) -> Int32
#endif

/// Keeps the process's memory, where the Linnworks secret and session token live, out of core dumps.
///
/// Exists because a crash dump (or `gcore`, or another process of the same user reading
/// `/proc/<pid>/mem`) would otherwise hold the application secret in clear. `prctl(PR_SET_DUMPABLE, 0)`
/// stops the kernel writing a core file and makes `/proc/<pid>/` root-owned. `linnbridge` calls
/// `disableCoreDumps()` first thing in `main`, before any credential is read.
public enum ProcessHardening {
    static let setDumpable: Int32 = 4  // PR_SET_DUMPABLE
    static let getDumpable: Int32 = 3  // PR_GET_DUMPABLE

    /// Marks the process not dumpable; returns whether that took effect (always false off Linux).
    @discardableResult
    public static func disableCoreDumps() -> Bool {
        #if os(Linux)
        return c_prctl(setDumpable, 0, 0, 0, 0) == 0
        #else
        return false
        #endif
    }

    /// Whether the kernel would write a core file for this process; nil where that cannot be asked.
    public static var isDumpable: Bool? {
        #if os(Linux)
        let result = c_prctl(getDumpable, 0, 0, 0, 0)
        return result < 0 ? nil : result != 0
        #else
        return nil
        #endif
    }

    /// Sets the flag back (for tests, which share one process).
    static func restoreDumpable() {
        #if os(Linux)
        _ = c_prctl(setDumpable, 1, 0, 0, 0)
        #endif
    }
}
