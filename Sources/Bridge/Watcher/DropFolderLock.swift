import Foundation
import Support

/// The one-watcher-per-drop-folder lock: an exclusive `flock` on `.state/watch.lock`, held for a
/// whole `watch` run, with the holder's pid written inside.
///
/// Exists because two watchers on one folder (an overlapping cron `--once`, a daemon started twice,
/// a second host on the same share) each resume the other's claimed files and send their rows and
/// orders twice. The kernel drops the lock when the process dies, so a crash never leaves it stuck;
/// the pid is only for the message of the watcher that is turned away.
public final class DropFolderLock: Sendable {
    /// Another process holds the folder.
    public struct Held: Error, Sendable, CustomStringConvertible {
        public var pid: Int32?
        var root: String
        public var description: String {
            "another linnbridge (pid \(pid.map(String.init) ?? "unknown")) is working in the drop folder \(root); nothing was done"
        }
    }

    private let lock: FileLock

    private init(lock: FileLock) { self.lock = lock }

    /// Takes the lock of the drop folder at `root` (creating only `.state/` if missing), or throws
    /// `Held` naming the holder's pid; other failures (a read-only `.state/`) throw `SystemError`.
    public static func acquire(root: String) throws -> DropFolderLock {
        let state = DropFolder(root: root).state
        try FileManager.default.createDirectory(atPath: state, withIntermediateDirectories: true)
        let path = state + "/watch.lock"
        guard let lock = try FileLock.tryLock(path) else {
            let text = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
            throw Held(pid: Int32(text.trimmingCharacters(in: .whitespacesAndNewlines)), root: root)
        }
        lock.replaceContents(Array("\(getpid())\n".utf8))
        return DropFolderLock(lock: lock)
    }
}
