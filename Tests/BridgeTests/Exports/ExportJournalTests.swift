@testable import Bridge
import Foundation
import Linnworks
import Sandbox
import Support
import Testing

/// The export journal stays small, and two exports of one drop folder never send an order twice.
@Suite struct ExportJournalTests {
    @Test func twoExportsAtOnceSendEachOrderOnce() async throws {
        let folders = ExportFolders()
        defer { folders.cleanUp() }
        let server = try startSandbox(seed: try sampleSeed())
        defer { server.stop() }
        let expected = expectedOrderIDs(server.snapshot())
        let options = folders.options()
        async let first = OpenOrderExport(options: options, client: LinnworksClient(credentials: server.credentials())).run()
        async let second = OpenOrderExport(options: options, client: LinnworksClient(credentials: server.credentials())).run()
        let summaries = try await [first, second]
        #expect(summaries.map(\.orders).sorted() == [0, expected.count])
        var sent: [String] = []
        for name in folders.files() {
            sent += Set(try exportRows(folders.outbox + "/" + name).dropFirst().map { $0[0] })
        }
        #expect(sent.count == expected.count, "an order in two files would be shipped twice")
        #expect(Set(sent) == expected)
    }

    @Test func theWatcherPostponesWhileAnotherExportRunsTheCommandLineWaits() async throws {
        let folders = ExportFolders()
        defer { folders.cleanUp() }
        let server = try startSandbox(seed: try sampleSeed())
        defer { server.stop() }
        let expected = expectedOrderIDs(server.snapshot())
        try FileManager.default.createDirectory(atPath: folders.state, withIntermediateDirectories: true)
        var held = try FileLock.tryLock(folders.state + "/exports.lock")
        #expect(held != nil)
        let client = LinnworksClient(credentials: server.credentials())
        await #expect(throws: BridgeError.self) {
            _ = try await OpenOrderExport(options: folders.options { $0.waitsForOtherExports = false }, client: client).run()
        }
        #expect(folders.files().isEmpty)
        let waiting = Task { try await OpenOrderExport(options: folders.options(), client: client).run() }
        try await Task.sleep(for: .milliseconds(300))
        #expect(folders.files().isEmpty, "the waiting export must not run while the lock is held")
        withExtendedLifetime(held) {}
        held = nil
        let summary = try await waiting.value
        #expect(summary.orders == expected.count)
        #expect(folders.files().count == 1)
    }

    @Test func compactionKeepsEachFilesLastEventAndEveryLineOfUnfinishedOnes() throws {
        let folders = ExportFolders()
        defer { folders.cleanUp() }
        try FileManager.default.createDirectory(atPath: folders.state, withIntermediateDirectories: true)
        let journal = ExportJournal(stateDirectory: folders.state)
        try journal.record(.written, file: "/o/a.csv", tag: "EXPORTED", orderIDs: ["1", "2"])
        try journal.record(.abandoned, file: "/o/a.csv")
        try journal.record(.written, file: "/o/b.csv", tag: "EXPORTED", orderIDs: ["3"])
        try journal.record(.published, file: "/o/b.csv")
        try journal.record(.tagged, file: "/o/b.csv")
        try journal.record(.written, file: "/o/c.csv", tag: "EXPORTED", orderIDs: ["4"])
        try journal.compact()
        let entries = try JournalFile.read(path: journal.path, as: ExportJournal.Entry.self)
        #expect(entries.map(\.event) == [.abandoned, .tagged, .written])
        #expect(entries.map(\.orderIDs) == [nil, nil, ["4"]])
        #expect(try journal.unfinished().map(\.orderIDs) == [["4"]])
        #expect(try journal.fileNames() == ["a.csv", "b.csv", "c.csv"])
    }

    @Test func finishedFilesKeepOneShortLineAndUnfinishedOnesKeepTheirOrders() async throws {
        let folders = ExportFolders()
        defer { folders.cleanUp() }
        let server = try startSandbox(seed: try sampleSeed())
        defer { server.stop() }
        let client = LinnworksClient(credentials: server.credentials())
        let all = folders.options { $0.exportsAll = true }
        for _ in 0..<3 { _ = try await OpenOrderExport(options: all, client: client).run() }
        let journal = ExportJournal(stateDirectory: folders.state)
        var entries = try JournalFile.read(path: journal.path, as: ExportJournal.Entry.self)
        let files = folders.files()
        #expect(files.count == 3)
        // The first two files are compacted by the runs after them; the last keeps its lines until the next run.
        let last = try #require(entries.last?.file)
        #expect(entries.filter { $0.file != last }.count == 2)
        #expect(entries.filter { $0.file != last }.allSatisfy { $0.orderIDs == nil && $0.event == .tagged })
        #expect(entries.filter { $0.file == last }.map(\.event) == [.written, .published, .tagged])
        #expect(try journal.fileNames() == Set(files))

        // A file published but not tagged keeps its order ids through compaction, and is finished next run.
        var crashing = all
        crashing.stopsAfter = .published
        _ = try await OpenOrderExport(options: crashing, client: client).run()
        try journal.compact()
        entries = try JournalFile.read(path: journal.path, as: ExportJournal.Entry.self)
        let unfinished = try journal.unfinished()
        #expect(unfinished.count == 1)
        #expect(unfinished.first?.orderIDs.isEmpty == false)
        #expect(entries.count == 3 + 2, "three finished files, one line each, and the unfinished one's two lines")
        let next = try await OpenOrderExport(options: all, client: client).run()
        #expect(next.recoveredOrders == unfinished.first?.orderIDs.count)
        #expect(try journal.unfinished().isEmpty)
    }
}
