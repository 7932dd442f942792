import Foundation

/// The drop folder's layout (product.md): where files arrive, wait, end up and are remembered.
///
/// Exists so every part of the watcher names the same folders, and so the layout is created in
/// one place on start.
public struct DropFolder: Sendable {
    public let root: String

    public init(root: String) {
        self.root = root.hasSuffix("/") && root.count > 1 ? String(root.dropLast()) : root
    }

    public func inbox(_ kind: FeedKind) -> String { root + "/inbox/" + kind.rawValue }
    public var outbox: String { root + "/outbox" }
    public var errors: String { root + "/errors" }
    public var archive: String { root + "/archive" }
    public var state: String { root + "/.state" }
    /// Files taken from the inbox and not yet finished, one folder per kind.
    public func claimed(_ kind: FeedKind) -> String { state + "/claimed/" + kind.rawValue }

    /// Creates whatever part of the layout is missing.
    public func create() throws {
        for path in FeedKind.allCases.map(inbox) + [outbox, errors, archive, state] + FeedKind.allCases.map(claimed) {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        }
    }

    /// Files that are picked up: `*.csv`, `*.tsv`, `*.txt`. Dotfiles and names uploads use while
    /// in progress (`*.tmp`, `*.part`, `*.filepart`, `*.crdownload`, Office's `~$*`) wait until renamed.
    public static func isCandidate(_ name: String) -> Bool {
        let lower = name.lowercased()
        if name.hasPrefix(".") || name.hasPrefix("~$") { return false }
        for suffix in [".tmp", ".part", ".filepart", ".crdownload"] where lower.hasSuffix(suffix) { return false }
        return lower.hasSuffix(".csv") || lower.hasSuffix(".tsv") || lower.hasSuffix(".txt")
    }

    /// `folder/name`, or `folder/stem-2.ext`, `-3`… if that is taken: nothing is ever overwritten.
    public static func freePath(in folder: String, for name: String, suffix: String = "") -> String {
        let url = URL(fileURLWithPath: name)
        let ext = url.pathExtension, stem = url.deletingPathExtension().lastPathComponent
        var candidate = folder + "/" + name + suffix
        var n = 2
        while FileManager.default.fileExists(atPath: candidate) {
            candidate = folder + "/" + stem + "-\(n)" + (ext.isEmpty ? "" : "." + ext) + suffix
            n += 1
        }
        return candidate
    }
}
