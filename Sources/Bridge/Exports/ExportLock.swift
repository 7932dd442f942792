import Support

/// Holds `.state/exports.lock` for the length of an open-order export.
///
/// Exists because two exports of the same drop folder at once (the watch daemon's schedule and
/// a clerk's `linnbridge export open-orders`) would both list the same untagged orders and
/// send them to the 3PL twice. The second one waits for the first, then finds nothing new.
enum ExportLock {
    /// How often a waiting export looks again.
    static let retryInterval: Duration = .milliseconds(100)

    /// Waits for the lock, or with `waits` false throws `.busy` at once when it is taken.
    static func acquire(stateDirectory: String, waits: Bool, logger: Logger) async throws(BridgeError) -> FileLock {
        let path = stateDirectory + "/exports.lock"
        var hasSaid = false
        while true {
            do throws(SystemError) {
                if let lock = try FileLock.tryLock(path) { return lock }
            } catch {
                throw BridgeError(writing: error)
            }
            if !waits { throw BridgeError(.busy, "another open-order export of this drop folder is running") }
            if !hasSaid {
                logger.warning("export.waiting", [
                    "reason": "another open-order export of this drop folder is running; waiting for it to finish",
                ])
                hasSaid = true
            }
            do {
                try await Task.sleep(for: retryInterval)
            } catch {
                throw BridgeError(.linnworksUnavailable, "cancelled while waiting for another export to finish")
            }
        }
    }
}
