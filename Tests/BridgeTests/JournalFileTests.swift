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
