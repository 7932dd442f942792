@testable import Bridge
import CSV
import Foundation
import Testing

/// Files nobody should send, through both feeds' offline check: each ends as a summary or a
/// whole-file rejection with a reason — never a crash, a hang or an unreadable report.
@Suite struct HostileInputTests {
    static func hostileFiles() -> [(name: String, bytes: [UInt8])] {
        var files: [(String, [UInt8])] = [
            ("empty.csv", []),
            ("header-only.csv", Array("SKU,Level\r\n".utf8)),
            ("nul-bytes.csv", Array("SKU,Level\nA\u{0},1\n\u{0}\u{0}\u{0}\n".utf8)),
            ("utf16-no-bom.csv", "SKU,Level\nA,1\n".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }),
            ("invalid-utf8.csv", Array("SKU,Level\n".utf8) + [0xC3, 0x28, 0x2C, 0x31, 0x0A, 0xFF, 0xFE, 0x2C, 0x32, 0x0A]),
            ("quote-bomb.csv", Array("SKU,Level\n".utf8) + [UInt8](repeating: 0x22, count: 200_000)),
            ("wide.csv", Array((["SKU", "Level"] + (0..<100_000).map { "c\($0)" }).joined(separator: ",").utf8) + [0x0A]),
            ("name with spaces é.csv", Array("Order Id,Tracking\n#1002,X1\n".utf8)),
            ("-leading-dash.csv", Array("SKU,Level\nA,1\n".utf8)),
        ]
        var generator = UInt64(7)
        var garbage: [UInt8] = []
        for _ in 0..<50_000 {
            generator = generator &* 6364136223846793005 &+ 1442695040888963407
            garbage.append(UInt8(truncatingIfNeeded: generator >> 33))
        }
        files.append(("binary.csv", garbage))
        return files
    }

    static func corpusFiles() -> [String] {
        let candidates = [repositoryRoot + "/../shared/corpus", "/work/shared/corpus"]
        guard let root = candidates.first(where: { FileManager.default.fileExists(atPath: $0) }) else { return [] }
        return ["spectrum/csvs", "csvkit/examples"].flatMap { dir in
            ((try? FileManager.default.contentsOfDirectory(atPath: root + "/" + dir)) ?? []).sorted().map { root + "/" + dir + "/" + $0 }
        }
    }

    func checkBothFeeds(_ path: String) async {
        for kind in FeedKind.allCases {
            let runner = FeedRunner(kind: kind, mode: .check(online: false), config: BridgeConfig(), client: nil, stateDirectory: NSTemporaryDirectory())
            let report = path + ".\(kind.rawValue).errors.csv"
            do {
                let summary = try await runner(path, reportPath: report)
                #expect(summary.rowsRead == summary.wouldApply + summary.rejected + summary.skipped, "\(path) \(kind)")
                if summary.rejected > 0 { #expect(FileManager.default.fileExists(atPath: report)) }
            } catch {
                guard error.code == .fileRejected else {
                    Issue.record("\(path) \(kind): \(error)")
                    continue
                }
                #expect(!error.message.isEmpty)
            }
            try? FileManager.default.removeItem(atPath: report)
        }
    }

    /// A cell holding an OSC sequence (retitles a terminal) or a C1 CSI must not reach the `error`
    /// sentence raw: it is shown as `\u{1b}`; the report's copy of the input's own cells keeps its bytes.
    @Test func controlCharactersInQuotedCellsAreEscapedInTheErrorSentenceOnly() async throws {
        let dir = NSTemporaryDirectory() + "linnbridge-hostile-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let osc = "\u{1B}]0;pwned\u{07}"
        let csi = "B\u{9B}2J\u{7F}"
        try "SKU,Level\n\(osc),lots\n\(csi),x\(osc)\nC,1\nC,2\n".write(toFile: dir + "/stock.csv", atomically: true, encoding: .utf8)
        let runner = FeedRunner(kind: .stock, mode: .check(online: false), config: BridgeConfig(), client: nil, stateDirectory: dir)
        let summary = try await runner(dir + "/stock.csv", reportPath: dir + "/stock.csv.errors.csv")
        #expect(summary.rejected == 3)
        let reader = try CSVReader(path: dir + "/stock.csv.errors.csv")
        _ = try reader.nextRecord()
        var rows: [[String]] = []
        while let record = try reader.nextRecord() { rows.append((0..<record.count).map { record[$0].string }) }
        try #require(rows.count == 3)
        #expect(rows[0][0] == osc, "the input's own cell keeps its bytes")
        #expect(rows[0][4].hasPrefix(#"The stock level for SKU \u{1b}]0;pwned\u{7} "#), "\(rows[0][4])")
        #expect(rows[1][0] == csi && rows[1][1] == "x" + osc)
        #expect(rows[1][4].contains(#"B\u{9b}2J\u{7f}"#) && rows[1][4].contains(#"x\u{1b}]0;pwned\u{7}"#), "\(rows[1][4])")
        for row in rows {
            #expect(!row[4].unicodeScalars.contains { $0.properties.generalCategory == .control }, "\(row[4].debugDescription)")
        }
        #expect(RowError(line: 1, code: .badRecord, message: "tab\there").message == #"tab\there"#)
    }

    @Test func hostileFilesEndAsReportsOrRejections() async throws {
        let dir = NSTemporaryDirectory() + "linnbridge-hostile-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        for file in Self.hostileFiles() {
            let path = dir + "/" + file.name
            _ = FileManager.default.createFile(atPath: path, contents: Data(file.bytes))
            await checkBothFeeds(path)
        }
    }

    @Test func everyCorpusFileThroughBothFeeds() async throws {
        let files = Self.corpusFiles()
        if files.isEmpty { print("note: ../shared/corpus is absent; corpus feed test skipped") }
        let dir = NSTemporaryDirectory() + "linnbridge-corpus-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        for (index, source) in files.enumerated() {
            let path = dir + "/\(index)-" + URL(fileURLWithPath: source).lastPathComponent
            try FileManager.default.copyItem(atPath: source, toPath: path)
            await checkBothFeeds(path)
        }
    }
}
