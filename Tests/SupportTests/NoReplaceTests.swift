import Foundation
import Support
import Testing

@Suite struct NoReplaceTests {
    static func scratch() -> String {
        let dir = NSTemporaryDirectory() + "noreplace-" + UUID().uuidString
        try! FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }

    /// Many writers publishing the same name at once: every file survives under its own name.
    @Test func concurrentMovesOntoOneNameAllSurvive() async throws {
        let dir = Self.scratch()
        let sources = (0..<40).map { dir + "/source-\($0)" }
        for (index, path) in sources.enumerated() { try "\(index)".write(toFile: path, atomically: false, encoding: .utf8) }
        try FileManager.default.createDirectory(atPath: dir + "/errors", withIntermediateDirectories: true)
        let published = await withTaskGroup(of: String?.self) { group in
            for path in sources {
                group.addTask { try? NoReplace.move(path, toDirectory: dir + "/errors", name: "stock.csv", suffix: ".errors.csv") }
            }
            var all: [String] = []
            for await path in group { if let path { all.append(path) } }
            return all
        }
        #expect(Set(published).count == 40)
        let contents = Set(try published.map { try String(contentsOfFile: $0, encoding: .utf8) })
        #expect(contents == Set((0..<40).map(String.init)), "none replaced another")
        #expect(published.contains(dir + "/errors/stock.csv.errors.csv"))
        #expect(published.contains(dir + "/errors/stock-2.csv.errors.csv"))
    }

    /// A 250-byte name with a report suffix and a counter still fits NAME_MAX, keeping its extension.
    @Test func longNamesAreCutToFit() throws {
        let long = String(repeating: "ä", count: 123) + ".csv"  // 250 bytes
        #expect(long.utf8.count == 250)
        let fitted = NoReplace.fittedName(long, counter: 12, suffix: ".errors.csv")
        #expect(fitted.utf8.count <= 255)
        #expect(fitted.hasSuffix("-12.csv.errors.csv"))
        #expect(fitted.hasPrefix("ää"))
        let dir = Self.scratch()
        try "x".write(toFile: dir + "/a", atomically: false, encoding: .utf8)
        let moved = try NoReplace.move(dir + "/a", toDirectory: dir, name: long, suffix: ".reason.txt")
        #expect(FileManager.default.fileExists(atPath: moved))
        let file = try AtomicFile(destination: dir + "/" + String(repeating: "b", count: 251) + ".csv")
        try file.write("y")
        try file.commit()
    }
}
