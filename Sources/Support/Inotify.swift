#if canImport(Glibc)
import Glibc
#endif

/// Directory change notifications from Linux's inotify, read without blocking.
///
/// Exists because a file renamed into the inbox should be taken within a second, not at the
/// next poll: `IN_MOVED_TO` marks a file published by rename, `IN_CLOSE_WRITE` one written in
/// place (ready after a settle time), `IN_CREATE`/`IN_MODIFY` one still being written.
/// (`DispatchSource.makeFileSystemObjectSource` does not exist on Linux.)
public final class Inotify {
    public enum Change: Sendable, Equatable {
        case movedIn, closedAfterWrite, written, overflow
        /// The watched folder itself was deleted or moved away: its watch is gone.
        case folderGone
    }

    public struct Event: Sendable, Equatable {
        public var directory: String
        /// The entry's name as the file system holds it (not necessarily UTF-8).
        public var rawName: RawFileName
        public var change: Change

        /// The name for logs.
        public var name: String { rawName.displayName }
    }

    private let fd: Int32
    private var directories: [Int32: String] = [:]
    private var buffer = [UInt8](repeating: 0, count: 1 << 16)

    public init(watching paths: [String]) throws(SystemError) {
        fd = try sys("inotify_init1") { inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC)) }
        let mask = UInt32(IN_CLOSE_WRITE | IN_MOVED_TO | IN_CREATE | IN_MODIFY | IN_DELETE_SELF | IN_MOVE_SELF)
        for path in paths {
            let fd = self.fd
            do {
                let wd = try sys("inotify_add_watch", path) { inotify_add_watch(fd, path, mask) }
                directories[wd] = path
            } catch {
                close(fd)
                throw error
            }
        }
    }

    deinit { close(fd) }

    /// Every event queued since the last call; empty when there is none (never waits).
    public func drain() -> [Event] {
        var events: [Event] = []
        while true {
            let fd = self.fd
            let count = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if count <= 0 { return events }
            buffer.withUnsafeBytes { raw in
                var offset = 0
                let header = MemoryLayout<inotify_event>.size
                while offset + header <= count {
                    let event = raw.loadUnaligned(fromByteOffset: offset, as: inotify_event.self)
                    let nameBytes = raw[(offset + header)..<(offset + header + Int(event.len))].prefix { $0 != 0 }
                    let name = RawFileName(bytes: Array(nameBytes))
                    offset += header + Int(event.len)
                    if event.mask & UInt32(IN_Q_OVERFLOW) != 0 {
                        events.append(Event(directory: "", rawName: name, change: .overflow))
                        continue
                    }
                    guard let directory = directories[event.wd] else { continue }
                    if event.mask & UInt32(IN_DELETE_SELF | IN_MOVE_SELF | IN_IGNORED) != 0 {
                        events.append(Event(directory: directory, rawName: name, change: .folderGone))
                        continue
                    }
                    guard !name.bytes.isEmpty else { continue }
                    let change: Change
                    if event.mask & UInt32(IN_MOVED_TO) != 0 {
                        change = .movedIn
                    } else if event.mask & UInt32(IN_CLOSE_WRITE) != 0 {
                        change = .closedAfterWrite
                    } else {
                        change = .written
                    }
                    events.append(Event(directory: directory, rawName: name, change: change))
                }
            }
        }
    }
}
