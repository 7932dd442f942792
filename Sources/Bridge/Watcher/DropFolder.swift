import Foundation
import Support

/// The drop folder's layout (Documentation/Product.md): where files arrive, wait, end up and are remembered.
///
/// Exists so every part of the watcher names the same folders, and so the layout is created in
/// one place on start.
public struct DropFolder: Sendable {
    /// Where commands look when `--root` is not given: `./watch`.
    public static let defaultRoot = "watch"

    public let root: String

    public init(root: String) {
        self.root = root.hasSuffix("/") && root.count > 1 ? String(root.dropLast()) : root
    }

    public func inbox(_ kind: FeedKind) -> String { root + "/inbox/" + kind.rawValue }
    public var outbox: String { root + "/outbox" }
    var errors: String { root + "/errors" }
    var archive: String { root + "/archive" }
    public var state: String { root + "/.state" }
    /// Files taken from the inbox and not yet finished, one folder per kind.
    func claimed(_ kind: FeedKind) -> String { state + "/claimed/" + kind.rawValue }

    /// Creates whatever part of the layout is missing.
    public func create() throws {
        for path in FeedKind.allCases.map(inbox) + [outbox, errors, archive, state] + FeedKind.allCases.map(claimed) {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        }
    }

    /// Files that are picked up: `*.csv`, `*.tsv`, `*.txt`. Dotfiles and names uploads use while
    /// in progress (`*.tmp`, `*.part`, `*.filepart`, `*.crdownload`, Office's `~$*`) wait until renamed.
    static func isCandidate(_ name: String) -> Bool {
        if case .input = classify(RawFileName(name)) { return true }
        return false
    }

    /// Spreadsheets a clerk may drop by mistake: rejected with a reason, never read as CSV.
    static let spreadsheetExtensions: Set<String> = ["xlsx", "xls", "xlsm", "ods", "numbers"]

    /// What an inbox entry's name says about it.
    enum NameClass: Equatable, Sendable {
        /// A file to take once it is complete.
        case input
        /// A spreadsheet: taken, then rejected with "save it as CSV".
        case spreadsheet
        /// An upload still in progress (a temporary or hidden name): waits, silently, until renamed.
        case inProgress
        /// Never taken; logged once with this reason.
        case ignored(String)
    }

    static func classify(_ name: RawFileName) -> NameClass {
        let bytes = name.bytes
        if bytes.first == UInt8(ascii: ".") || bytes.starts(with: Array("~$".utf8)) { return .inProgress }
        let ext = name.lowercasedExtension
        if ["tmp", "part", "filepart", "crdownload"].contains(ext) { return .inProgress }
        if ["csv", "tsv", "txt"].contains(ext) { return .input }
        if spreadsheetExtensions.contains(ext) { return .spreadsheet }
        return .ignored(ext.isEmpty ? "it has no extension; only .csv, .tsv and .txt files are read"
                                    : "only .csv, .tsv and .txt files are read, not .\(ext)")
    }
}
