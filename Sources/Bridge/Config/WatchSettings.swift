/// The `watch` section: how the drop folder is watched.
///
/// Exists because the right settle time depends on how files arrive (SFTP, SMB, a script), and
/// network mounts need polling because inotify cannot see changes made by other hosts.
public struct WatchSettings: Sendable, Equatable {
    /// Seconds a file's size and modification time must stay unchanged before it is taken.
    public var settleSeconds = 2.0
    /// Seconds between directory scans; nil means inotify (the default, and right for local disks).
    public var pollSeconds: Double?
    /// Seconds between full rescans of the inboxes beside inotify (default 30).
    public var rescanSeconds = 30.0
    /// Whether a file whose content was already processed is skipped (with a log line).
    public var skipDuplicateFiles = true

    init() {}

    static let keys = ["settleSeconds", "pollSeconds", "rescanSeconds", "skipDuplicateFiles"]

    init(reading value: ConfigValue) throws(ConfigError) {
        self.init()
        let object = try value.object()
        try object.rejectUnknownKeys(known: Self.keys)
        if let value = object.value("settleSeconds") { settleSeconds = try value.seconds(atLeast: 0) }
        if let value = object.value("pollSeconds") {
            pollSeconds = value.isNull ? nil : try value.seconds(atLeast: 0, excludingMinimum: true)
        }
        if let value = object.value("rescanSeconds") { rescanSeconds = try value.seconds(atLeast: 0, excludingMinimum: true) }
        if let value = object.value("skipDuplicateFiles") { skipDuplicateFiles = try value.bool() }
    }
}
