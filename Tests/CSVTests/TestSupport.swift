import CSV
import Foundation
import Support

/// A record copied out of the reader, for comparing in tests.
struct ReadRecord: Equatable, CustomStringConvertible {
    var line: Int
    var fields: [String]
    var problem: CSVProblem?

    var description: String { "\(line): \(fields)\(problem.map { " ! \($0)" } ?? "")" }
}

func readAll(_ bytes: [UInt8], _ options: CSVReaderOptions = CSVReaderOptions()) throws -> (CSVDialect, [ReadRecord]) {
    let reader = try CSVReader(input: BytesInput(bytes), options: options)
    var records: [ReadRecord] = []
    while let record = try reader.nextRecord() {
        records.append(ReadRecord(line: record.line, fields: record.strings(), problem: record.problem))
    }
    return (reader.dialect, records)
}

func readAll(_ text: String, _ options: CSVReaderOptions = CSVReaderOptions()) throws -> [ReadRecord] {
    try readAll(Array(text.utf8), options).1
}

func readFile(_ path: String, _ options: CSVReaderOptions = CSVReaderOptions()) throws -> (CSVDialect, [ReadRecord]) {
    let reader = try CSVReader(path: path, options: options)
    var records: [ReadRecord] = []
    while let record = try reader.nextRecord() {
        records.append(ReadRecord(line: record.line, fields: record.strings(), problem: record.problem))
    }
    return (reader.dialect, records)
}

/// The public CSV corpora the team keeps beside the repository (never copied into it), or nil where they are absent.
enum Corpus {
    static var root: String? {
        if let given = ProcessInfo.processInfo.environment["LINNBRIDGE_CORPUS"] { return given }
        let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        let candidates = [
            repository.deletingLastPathComponent().appendingPathComponent("shared/corpus").path,
            FileManager.default.currentDirectoryPath + "/../shared/corpus",
            "/work/shared/corpus",
        ]
        return candidates.first { FileManager.default.fileExists(atPath: $0) }
    }

    static func files(_ sub: String) -> [String] {
        guard let root else { return [] }
        let dir = root + "/" + sub
        return ((try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []).sorted().map { dir + "/" + $0 }
    }
}

func temporaryDirectory() -> String {
    let path = NSTemporaryDirectory() + "linnbridge-test-" + UUID().uuidString
    try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
}
