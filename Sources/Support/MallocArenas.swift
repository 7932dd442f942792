#if canImport(Glibc)
import Glibc
#endif

/// Caps glibc's malloc arenas for a long-running process.
///
/// Exists because glibc gives each thread that allocates its own arena (up to 8 per core), and
/// memory freed in one arena is not reused by the others: with URLSession's threads, the
/// cooperative pool and the sandbox's connection threads, a large file's peak RSS grew with its
/// size although the bridge's own working set did not. Two arenas keep memory flat (measured with
/// `linnbridge-bench import`) at no measurable cost in throughput.
public enum MallocArenas {
    public static func limit(to count: Int32 = 2) {
        #if canImport(Glibc)
        // `mallopt` lives in <malloc.h>, which the Glibc module does not import: look it up.
        typealias Mallopt = @convention(c) (Int32, Int32) -> Int32
        let arenaMax: Int32 = -8  // M_ARENA_MAX
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "mallopt") else { return }
        _ = unsafeBitCast(symbol, to: Mallopt.self)(arenaMax, count)
        #endif
    }
}
