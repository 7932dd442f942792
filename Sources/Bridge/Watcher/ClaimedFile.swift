import Foundation
import Support

/// A file taken from an inbox into `.state/claimed/<kind>/`, with what was known of it at the claim.
///
/// Exists so a claimed file's name never depends on the name it arrived under: the data file is
/// `<sequence>.<ext>` and its record (`<sequence>.json`, written before the rename) keeps the original
/// name's bytes, the name shown to people, when it arrived and its identity. Arrival names can be any
/// bytes up to NAME_MAX, so no prefix added to them could be safe; sequence numbers sort in arrival
/// order even when the wall clock steps backwards.
struct ClaimedFile: Sendable {
    /// What the claim knew of the file; the sidecar's JSON.
    struct Record: Codable, Sendable {
        var sequence: UInt64
        var kind: FeedKind
        /// The arrival name as shown in logs and used for archive and report names.
        var name: String
        /// The arrival name's bytes in hex, when they are not the same as `name`'s UTF-8.
        var rawNameHex: String?
        /// Seconds since 1970 when LinnBridge saw the file arrive.
        var arrival: Double
        var identity: FileIdentity?
    }

    let path: String
    let record: Record

    var name: String { record.name }
    var recordPath: String { Self.recordPath(forDataPath: path) }

    /// Where attempt `n`'s error report is written before the final one is published into `errors/`.
    func attemptReportPath(_ n: Int) -> String {
        URL(fileURLWithPath: path).deletingPathExtension().path + ".attempt-\(n).errors.csv"
    }

    /// Where the rows Linnworks confirmed are kept while the file is claimed (`AppliedCursor`).
    var cursorPath: String { URL(fileURLWithPath: path).deletingPathExtension().path + ".applied" }

    static func recordPath(forDataPath path: String) -> String {
        let url = URL(fileURLWithPath: path)
        return url.deletingPathExtension().path + ".json"
    }

    /// The claimed files of one folder in arrival order, records read back (a claim whose record is
    /// missing, or made by an older LinnBridge as `<stamp>--<name>`, gets one from its name).
    static func resumable(in directory: String, kind: FeedKind) -> [ClaimedFile] {
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []).filter {
            !$0.hasPrefix(".") && !$0.hasSuffix(".json") && !$0.hasSuffix(".errors.csv") && !$0.hasSuffix(".applied")
        }
        var files: [ClaimedFile] = []
        for name in names {
            let path = directory + "/" + name
            let recordURL = URL(fileURLWithPath: recordPath(forDataPath: path))
            if let data = try? Data(contentsOf: recordURL), let record = try? JSONDecoder().decode(Record.self, from: data) {
                files.append(ClaimedFile(path: path, record: record))
                continue
            }
            let legacyName = name.range(of: "--").map { String(name[$0.upperBound...]) } ?? name
            let digits = name.prefix { $0.isNumber }
            files.append(ClaimedFile(path: path, record: Record(sequence: UInt64(digits) ?? 0, kind: kind, name: legacyName,
                                                               rawNameHex: nil, arrival: Date().timeIntervalSince1970, identity: nil)))
        }
        return files.sorted { ($0.record.sequence, $0.path) < ($1.record.sequence, $1.path) }
    }
}

/// What identifies one file's content on disk: where it is, how big, when last written.
///
/// Exists to notice that a claimed file changed after the claim (an SFTP upload that paused
/// longer than the settle time goes on writing into the same inode after the rename).
struct FileIdentity: Codable, Sendable, Equatable {
    var device: UInt64
    var inode: UInt64
    var size: Int
    /// Modification time in nanoseconds since 1970.
    var modified: Int64

    init(_ info: stat) {
        device = UInt64(info.st_dev)
        inode = UInt64(info.st_ino)
        size = Int(info.st_size)
        modified = Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec)
    }

    init?(path: String) {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        self.init(info)
    }
}

/// Claim sequence numbers: microseconds since 1970, but always above the last one handed out,
/// so claims keep their order when the wall clock steps backwards.
struct ArrivalSequence {
    private(set) var last: UInt64

    init(after claimed: [ClaimedFile]) {
        last = claimed.map(\.record.sequence).max() ?? 0
    }

    mutating func next() -> UInt64 {
        let now = UInt64(max(0, Date().timeIntervalSince1970 * 1_000_000))
        last = max(last + 1, now)
        return last
    }
}

extension DropFolder {
    /// The original names of the files claimed now, oldest first per kind — what a stop leaves to resume.
    public func claimedNames() -> [String] {
        FeedKind.allCases.flatMap { kind in ClaimedFile.resumable(in: claimed(kind), kind: kind).map(\.name) }
    }
}
