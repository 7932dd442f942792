import Foundation
import Support

/// One kind's lane of a drop folder: `.state/lane-<kind>.lock`, held while one file of that kind is applied.
///
/// Exists so an `import` run beside the watcher takes its turn: files of one kind are applied one at
/// a time (a later stock snapshot must not be overtaken by an older one), whichever process holds them.
/// Stock and shipments have separate lanes and run side by side.
public enum LaneLock {
    /// Waits for the lane (logging once that it waits); nil when the lock file cannot be used at all
    /// (a read-only `.state/`): the file is applied anyway, as before lanes existed.
    public static func acquire(stateDirectory: String, kind: FeedKind, logger: Logger,
                               shouldStop: @Sendable () -> Bool = { false }) async -> FileLock? {
        try? FileManager.default.createDirectory(atPath: stateDirectory, withIntermediateDirectories: true)
        let path = stateDirectory + "/lane-" + kind.rawValue + ".lock"
        var hasSaid = false
        while !shouldStop() {
            do throws(SystemError) {
                if let lock = try FileLock.tryLock(path) { return lock }
            } catch {
                logger.warning("lane.unavailable", ["kind": kind.rawValue, "reason": error.description])
                return nil
            }
            if !hasSaid {
                logger.notice("lane.waiting", ["kind": kind.rawValue, "reason": "another linnbridge is applying a \(kind.rawValue) file of this drop folder"])
                hasSaid = true
            }
            try? await Task.sleep(for: .milliseconds(100))
        }
        return nil
    }
}
