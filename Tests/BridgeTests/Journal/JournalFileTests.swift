@testable import Bridge
import Foundation
import Testing

@Suite struct JournalFileTests {
    struct Entry: Codable, Equatable { var batch: Int; var state: String }

    @Test func appendsSurviveReopeningAndATornLastLineIsIgnored() throws {
        let (dir, _) = writeTemporary("")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = dir + "/journal.jsonl"
        #expect(try JournalFile.read(path: path, as: Entry.self).isEmpty)
        do {
            let journal = try JournalFile(path: path)
            try journal.append(Entry(batch: 1, state: "intent"))
            try journal.append(Entry(batch: 1, state: "done"))
        }
        let again = try JournalFile(path: path)
        try again.append(Entry(batch: 2, state: "intent"))
        #expect(try JournalFile.read(path: path, as: Entry.self) == [
            Entry(batch: 1, state: "intent"), Entry(batch: 1, state: "done"), Entry(batch: 2, state: "intent"),
        ])
        // A crash in the middle of a write leaves half a line at the end.
        let handle = try #require(FileHandle(forWritingAtPath: path))
        handle.seekToEndOfFile()
        handle.write(Data(#"{"batch":2,"sta"#.utf8))
        try handle.close()
        #expect(try JournalFile.read(path: path, as: Entry.self).count == 3)
    }

    @Test func damageBeforeTheLastLineIsAnError() throws {
        let (dir, _) = writeTemporary("")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = dir + "/journal.jsonl"
        try "{\"batch\":1,\"state\":\"intent\"}\nnot json\n{\"batch\":2,\"state\":\"intent\"}\n".write(toFile: path, atomically: true, encoding: .utf8)
        #expect(throws: JournalError.self) { try JournalFile.read(path: path, as: Entry.self) }
    }
}

@Suite struct JournalTornTailTests {
    typealias Entry = JournalFileTests.Entry

    /// Appending after a torn line must not glue the new entry onto it (that would be damage mid-file).
    @Test(arguments: [0, 10, 5_000])
    func aTornLastLineIsCutBeforeTheNextAppend(completeEntries: Int) throws {
        let dir = NSTemporaryDirectory() + "linnbridge-torn-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = dir + "/journal.jsonl"
        var text = ""
        for index in 0..<completeEntries { text += "{\"batch\":\(index),\"state\":\"done\"}\n" }
        // Longer than the 4 KiB the repair reads at a time, so the last newline is chunks away.
        text += "{\"batch\":99,\"state\":\"" + String(repeating: "x", count: 9_000)
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        let journal = try JournalFile(path: path)
        try journal.append(Entry(batch: 100, state: "intent"))
        let entries = try JournalFile.read(path: path, as: Entry.self)
        #expect(entries.count == completeEntries + 1)
        #expect(entries.last == Entry(batch: 100, state: "intent"))
    }

    @Test func aDroppedJournalClosesItsFile() throws {
        let dir = NSTemporaryDirectory() + "linnbridge-fd-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = dir + "/journal.jsonl"
        func openDescriptors() -> Int {
            let fds = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd")) ?? []
            return fds.filter { (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/fd/" + $0)) == path }.count
        }
        for index in 0..<20 {
            let journal = try JournalFile(path: path)
            try journal.append(Entry(batch: index, state: "done"))
            #expect(openDescriptors() >= 1)
        }
        #expect(openDescriptors() == 0, "every JournalFile closes its descriptor when dropped")
    }

    @Test func anIntactJournalIsLeftAlone() throws {
        let dir = NSTemporaryDirectory() + "linnbridge-torn-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = dir + "/journal.jsonl"
        let text = "{\"batch\":1,\"state\":\"done\"}\n"
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        _ = try JournalFile(path: path)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == text)
    }
}
