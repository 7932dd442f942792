/// The `exports` section: what the open-order and stock-level exports contain and when they run.
///
/// Exists so the 3PL receives only its own orders, each once (tagged after export), on a schedule
/// the install chooses; without a schedule exports run only when asked for on the command line.
public struct ExportSettings: Sendable, Equatable {
    /// The location whose orders are exported; nil means every location.
    var fulfilmentLocation: String?
    /// The identifier exported orders are tagged with, so the next export skips them.
    var tag = "EXPORTED"
    /// Seconds between open-order exports in watch mode (at least 60); nil means not scheduled.
    var openOrdersEvery: Int?
    /// Seconds between stock-level exports in watch mode (at least 60); nil means not scheduled.
    var stockLevelsEvery: Int?
    /// Whether exports start with a UTF-8 byte order mark, so Excel reads accents correctly.
    var bom = true
    /// Whether an export with no rows is still written (a header-only file).
    var writeEmptyFiles = false
    /// Whether parked orders are exported.
    var includeParked = false
    /// Whether orders on hold are exported.
    var includeOnHold = false
    /// The open-order export's columns in order; nil means the built-in set. Names are not checked here.
    var openOrderColumns: [String]?

    init() {}

    static let keys = ["fulfilmentLocation", "tag", "openOrdersEvery", "stockLevelsEvery", "bom",
                       "writeEmptyFiles", "includeParked", "includeOnHold", "openOrderColumns"]

    init(reading value: ConfigValue) throws(ConfigError) {
        self.init()
        let object = try value.object()
        try object.rejectUnknownKeys(known: Self.keys)
        if let value = object.value("fulfilmentLocation") {
            fulfilmentLocation = value.isNull ? nil : try value.string()
        }
        if let value = object.value("tag") { tag = try value.string() }
        if let value = object.value("openOrdersEvery") { openOrdersEvery = try value.wholeSecondsOrNull(atLeast: 60) }
        if let value = object.value("stockLevelsEvery") { stockLevelsEvery = try value.wholeSecondsOrNull(atLeast: 60) }
        if let value = object.value("bom") { bom = try value.bool() }
        if let value = object.value("writeEmptyFiles") { writeEmptyFiles = try value.bool() }
        if let value = object.value("includeParked") { includeParked = try value.bool() }
        if let value = object.value("includeOnHold") { includeOnHold = try value.bool() }
        if let value = object.value("openOrderColumns") {
            openOrderColumns = value.isNull ? nil : try value.stringList(allowDuplicates: false)
        }
    }
}
