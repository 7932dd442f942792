#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

/// Writes whole lines to the process's standard error.
///
/// Exists because the C `stderr` global does not compile under Swift 6 and because log lines from
/// concurrent tasks must never interleave: each line goes out in one `write(2)` (continued only after
/// a short write) while holding a process-wide lock, so a line is never split by another writer in
/// this process. Write failures are ignored: there is nowhere left to report them.
public enum StandardError {
    private static let lock = Mutex(())

    /// Writes `line` as given; callers include the trailing newline.
    public static func write(_ line: String) {
        write(line, toDescriptor: 2)
    }

    /// The same, to any descriptor: lets tests prove lines stay whole through a real pipe.
    static func write(_ line: String, toDescriptor fd: Int32) {
        var bytes = Array(line.utf8)
        lock.withLock { _ in
            bytes.withUnsafeMutableBytes { buffer in
                var offset = 0
                while offset < buffer.count {
                    let written = systemWrite(fd, buffer.baseAddress! + offset, buffer.count - offset)
                    if written > 0 {
                        offset += written
                    } else if written == -1 && currentErrno() == EINTR {
                        continue
                    } else {
                        return
                    }
                }
            }
        }
    }

    private static func systemWrite(_ fd: Int32, _ pointer: UnsafeRawPointer, _ count: Int) -> Int {
        #if canImport(Glibc)
        return Glibc.write(fd, pointer, count)
        #else
        return Darwin.write(fd, pointer, count)
        #endif
    }
}
