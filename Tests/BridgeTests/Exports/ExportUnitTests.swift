@testable import Bridge
import Foundation
import Testing

/// The pure parts of the exports: schedule, column names, prices, file names, journal.
@Suite struct ExportUnitTests {
    let start = Date(timeIntervalSince1970: 1_800_000_000)

    @Test func scheduleRunsNeverRunExportsAtStartUpAndThenOnTheirInterval() {
        let schedule = ExportSchedule(intervals: [.openOrders: 900, .stockLevels: 3600])
        #expect(schedule.due(at: start, lastRuns: [:]) == [.openOrders, .stockLevels])
        let runs: [ExportSchedule.Export: Date] = [.openOrders: start, .stockLevels: start]
        #expect(schedule.due(at: start.addingTimeInterval(899), lastRuns: runs).isEmpty)
        #expect(schedule.due(at: start.addingTimeInterval(900), lastRuns: runs) == [.openOrders])
        #expect(schedule.due(at: start.addingTimeInterval(3600), lastRuns: runs) == [.openOrders, .stockLevels])
        #expect(schedule.due(at: start.addingTimeInterval(-5), lastRuns: runs) == [.openOrders, .stockLevels],
                "a clock set back does not stop exports")
        #expect(schedule.nextDue(after: start.addingTimeInterval(100), lastRuns: runs) == start.addingTimeInterval(900))
    }

    @Test func unscheduledExportsAreNeverDue() {
        var settings = ExportSettings()
        settings.stockLevelsEvery = 600
        let schedule = ExportSchedule(settings: settings)
        #expect(schedule.due(at: start, lastRuns: [:]) == [.stockLevels])
        #expect(ExportSchedule(settings: ExportSettings()).nextDue(after: start, lastRuns: [:]) == nil)
    }

    @Test func runTimesSurviveARestart() throws {
        let folders = ExportFolders()
        defer { folders.cleanUp() }
        let times = ExportRunTimes(stateDirectory: folders.state)
        #expect(times.load().isEmpty)
        try times.record(.openOrders, at: start)
        try times.record(.stockLevels, at: start.addingTimeInterval(60))
        let reloaded = ExportRunTimes(stateDirectory: folders.state).load()
        #expect(reloaded == [.openOrders: start, .stockLevels: start.addingTimeInterval(60)])
    }

    @Test func configuredColumnNamesAreForgivingButUnknownOnesAreErrors() throws {
        #expect(try OpenOrderColumn.columns(named: ["order_number", "PostCode", " sku", "Unit Price"])
                == [.orderNumber, .postCode, .sku, .unitPrice])
        #expect(OpenOrderColumn(configuredName: "post-code") == .postCode)
        #expect(OpenOrderColumn(configuredName: "Postcode") == .postCode)
        #expect(throws: BridgeError.self) { try OpenOrderColumn.columns(named: ["SKU", "Colour"]) }
        #expect(try OpenOrderColumn.columns(named: nil) == OpenOrderColumn.standard)
    }

    @Test func pricesHaveTwoToFourDecimalsWhateverTheLocale() {
        #expect(OpenOrderColumn.price(2.85) == "2.85")
        #expect(OpenOrderColumn.price(12) == "12.00")
        #expect(OpenOrderColumn.price(10 / 3) == "3.3333")
        #expect(OpenOrderColumn.price(-5.5) == "-5.50")
        #expect(OpenOrderColumn.price(0.1 + 0.2) == "0.30")
        #expect(OpenOrderColumn.price(.nan) == "")
    }

    @Test func fileNamesAreUTCStamps() {
        #expect(ExportFile.stamp(Date(timeIntervalSince1970: 0)) == "19700101-000000")
        #expect(ExportFile.stamp(Date(timeIntervalSince1970: 1_798_000_000)) == "20261223-042640")
    }

    @Test func journalKnowsWhichFilesAreUnfinished() throws {
        let folders = ExportFolders()
        defer { folders.cleanUp() }
        try FileManager.default.createDirectory(atPath: folders.state, withIntermediateDirectories: true)
        let journal = ExportJournal(stateDirectory: folders.state)
        try journal.record(.written, file: "/o/a.csv", tag: "EXPORTED", orderIDs: ["1", "2"])
        try journal.record(.published, file: "/o/a.csv")
        try journal.record(.tagged, file: "/o/a.csv")
        try journal.record(.written, file: "/o/b.csv", tag: "EXPORTED", orderIDs: ["3"])
        try journal.record(.published, file: "/o/b.csv")
        try journal.record(.written, file: "/o/c.csv", tag: "EXPORTED", orderIDs: ["4"])
        let open = try journal.unfinished()
        #expect(open.map(\.file) == ["/o/b.csv", "/o/c.csv"])
        #expect(open.map(\.isPublished) == [true, false])
        #expect(open[0].orderIDs == ["3"])
        #expect(try journal.fileNames() == ["a.csv", "b.csv", "c.csv"])
    }
}
