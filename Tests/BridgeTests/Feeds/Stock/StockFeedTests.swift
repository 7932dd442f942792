@testable import Bridge
import CSV
import Foundation
import Linnworks
import Synchronization
import Testing

/// A stand-in for Linnworks inside unit tests of the feed's stages only; the end-to-end proof
/// runs the real client against the sandbox.
final class FakeStockService: StockService {
    let locations: [StockLocation]
    let skus: Set<String>
    let received = Mutex<[[StockLevelUpdate]]>([])
    let failWith: LinnworksError?
    let delayNanoseconds: UInt64

    init(skus: Set<String>, failWith: LinnworksError? = nil, delayNanoseconds: UInt64 = 0) {
        self.delayNanoseconds = delayNanoseconds
        var defaultLocation = StockLocation()
        defaultLocation.stockLocationID = "00000000-0000-0000-0000-000000000000"
        defaultLocation.locationName = "Default"
        var warehouse = StockLocation()
        warehouse.stockLocationID = "2F7E1C6B-0000-4000-8000-000000000001"
        warehouse.locationName = "3PL Warehouse"
        var twinA = StockLocation(), twinB = StockLocation()
        twinA.stockLocationID = "2f7e1c6b-0000-4000-8000-00000000000a"
        twinA.locationName = "Overflow"
        twinB.stockLocationID = "2f7e1c6b-0000-4000-8000-00000000000b"
        twinB.locationName = "overflow "
        self.locations = [defaultLocation, warehouse, twinA, twinB]
        self.skus = skus
        self.failWith = failWith
    }

    // Each answer counted as a call, as the real client counts the calls it sends (`CallTally`).
    func stockLocations() async throws(LinnworksError) -> [StockLocation] {
        CallTally.current?.add()
        return locations
    }

    func setStockLevels(_ updates: [StockLevelUpdate]) async throws(LinnworksError) -> [String] {
        CallTally.current?.add()
        if let failWith { throw failWith }
        // Answer out of order now and then, as concurrent calls do.
        try? await Task.sleep(nanoseconds: delayNanoseconds + UInt64.random(in: 0...3_000_000))
        received.withLock { $0.append(updates) }
        return updates.compactMap { update in
            guard let sku = update.sku, skus.contains(sku) else { return nil }
            return sku
        }
    }

    func allSKUs() async throws(LinnworksError) -> Set<String> {
        CallTally.current?.add()
        return skus
    }
}

func writeTemporary(_ text: String, name: String = "stock.csv") -> (dir: String, path: String) {
    let dir = NSTemporaryDirectory() + "linnbridge-feed-" + UUID().uuidString
    try! FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    let path = dir + "/" + name
    _ = FileManager.default.createFile(atPath: path, contents: Data(text.utf8))
    return (dir, path)
}

func reportRows(_ path: String) throws -> [[String]] {
    let reader = try CSVReader(path: path)
    var rows: [[String]] = []
    while let record = try reader.nextRecord() { rows.append(record.strings()) }
    return rows
}

@Suite struct StockFeedTests {
    static let file = """
    SKU,Title,Level,Location
    A-1,First,5,3PL Warehouse
    B-2,Second,12.5,3PL Warehouse
    C-3,"Third, quoted",7,
    A-1,First again,6,3pl warehouse
    ,No SKU,1,Default
    D-4,Fourth,2,Nowhere
    E-5,Fifth,3,Overflow
    GHOST,Unknown,4,Default
    F-6,"=HYPERLINK(""x"")",8,2f7e1c6b-0000-4000-8000-000000000001

    """

    @Test func offlineCheckReportsRowRulesAndSuperseded() async throws {
        let (dir, path) = writeTemporary(Self.file)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let feed = StockFeed(options: StockFeedOptions(mode: .check(online: false)), service: nil)
        let summary = try await feed.run(path: path, reportPath: path + ".errors.csv")
        #expect(summary.rowsRead == 9)
        #expect(summary.rejected == 3)
        #expect(summary.wouldApply == 6)
        #expect(summary.apiCalls == 0)
        let rows = try reportRows(path + ".errors.csv")
        #expect(rows[0] == ["SKU", "Title", "Level", "Location", "line", "error_code", "error"])
        #expect(rows.dropFirst().map { [$0[4], $0[5]] } == [["2", "superseded"], ["3", "bad_level"], ["6", "missing_sku"]])
        #expect(rows[1][6] == "SKU A-1 at location \"3PL Warehouse\" appears again on line 5; that later row was used instead of this one.")
        #expect(rows[2][6] == "The stock level for SKU B-2 is \"12.5\", which is not a whole number.")
    }

    @Test func applyResolvesBatchesAndReconciles() async throws {
        let (dir, path) = writeTemporary(Self.file)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let service = FakeStockService(skus: ["A-1", "C-3", "F-6"])
        var options = StockFeedOptions()
        options.batchSize = 1
        options.maxInFlight = 3
        let summary = try await StockFeed(options: options, service: service).run(path: path, reportPath: path + ".errors.csv")
        #expect(summary.rowsRead == 9)
        #expect(summary.applied == 3)
        #expect(summary.rejected == 6)
        #expect(summary.apiCalls == 1 + 4)
        let rows = try reportRows(try #require(summary.reportPath))
        #expect(rows.dropFirst().map { [$0[4], $0[5]] } == [
            ["2", "superseded"], ["3", "bad_level"], ["6", "missing_sku"], ["7", "unknown_location"],
            ["8", "ambiguous_location"], ["9", "unknown_sku"],
        ])
        #expect(rows[6][6] == "SKU GHOST does not exist in Linnworks.")
        let sent = service.received.withLock { $0 }.flatMap { $0 }
        let byKey = Dictionary(uniqueKeysWithValues: sent.map { ("\($0.sku!)@\($0.locationID!)", $0.level!) })
        #expect(byKey == [
            "A-1@2f7e1c6b-0000-4000-8000-000000000001": 6,
            "C-3@00000000-0000-0000-0000-000000000000": 7,
            "GHOST@00000000-0000-0000-0000-000000000000": 4,
            "F-6@2f7e1c6b-0000-4000-8000-000000000001": 8,
        ])
    }

    @Test func reportStaysInLineOrderWithManyBatchesOutOfOrder() async throws {
        var text = "SKU,Level\n"
        for i in 0..<600 { text += i % 7 == 0 ? "S\(i),x\n" : "S\(i),\(i)\n" }
        let (dir, path) = writeTemporary(text)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let known = Set((0..<600).filter { $0 % 5 != 0 }.map { "S\($0)" })
        var options = StockFeedOptions()
        options.batchSize = 7
        let summary = try await StockFeed(options: options, service: FakeStockService(skus: known)).run(path: path, reportPath: path + ".errors.csv")
        let lines = try reportRows(try #require(summary.reportPath)).dropFirst().map { Int($0[2])! }
        #expect(lines == lines.sorted())
        let expectedBad = (0..<600).filter { $0 % 7 == 0 || $0 % 5 == 0 }
        #expect(lines == expectedBad.map { $0 + 2 })
        #expect(summary.applied + summary.rejected == 600)
    }

    @Test func headerProblemsRejectTheWholeFile() async throws {
        for (text, words) in [("Product,Count\nX,1\n", "no sku"), ("", "empty"), ("SKU,SKU,Level\n", "more than once")] {
            let (dir, path) = writeTemporary(text)
            defer { try? FileManager.default.removeItem(atPath: dir) }
            do {
                _ = try await StockFeed(options: StockFeedOptions(mode: .check(online: false)), service: nil).run(path: path, reportPath: path + ".errors.csv")
                Issue.record("accepted \(text)")
            } catch {
                guard error.code == .fileRejected else { Issue.record("\(error)"); continue }
                let reason = error.message
                #expect(reason.contains(words), "\(reason)")
            }
            #expect(!FileManager.default.fileExists(atPath: path + ".errors.csv"))
        }
    }

    @Test func unreachableLinnworksEndsTheRunWithoutAReport() async throws {
        let (dir, path) = writeTemporary("SKU,Level,Location\nA-1,1,Default\n")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let service = FakeStockService(skus: [], failWith: .unavailable(endpoint: .setStockLevel, reason: "connection refused"))
        await #expect(throws: BridgeError.self) {
            try await StockFeed(options: StockFeedOptions(), service: service).run(path: path, reportPath: path + ".errors.csv")
        }
        #expect(!FileManager.default.fileExists(atPath: path + ".errors.csv"))
    }
}

@Suite struct FeedProgressTests {
    @Test func paceAndTimeLeft() {
        let halfway = FeedProgress(file: "s.csv", rows: 500_000, bytesRead: 50_000_000, totalBytes: 100_000_000, seconds: 10)
        #expect(halfway.rowsPerSecond == 50_000)
        #expect(halfway.secondsLeft == 10)
        #expect(FeedProgress(file: "s.csv", rows: 0, bytesRead: 0, totalBytes: 100, seconds: 0).secondsLeft == nil)
        #expect(FeedProgress(file: "s.csv", rows: 9, bytesRead: 100, totalBytes: 100, seconds: 2).secondsLeft == nil, "done: nothing left")
    }

    @Test func aLongFileReportsProgress() async throws {
        var text = "SKU,Level\n"
        for i in 0..<400_000 { text += "S\(i),\(i % 100)\n" }
        let (dir, path) = writeTemporary(text)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let reports = Mutex<[FeedProgress]>([])
        var options = StockFeedOptions()
        options.batchSize = 1000
        options.progress = { progress in reports.withLock { $0.append(progress) } }
        // Slow enough (a fake that takes its time) that the run lasts more than a second.
        let service = FakeStockService(skus: [], delayNanoseconds: 20_000_000)
        _ = try await StockFeed(options: options, service: service).run(path: path, reportPath: path + ".errors.csv")
        let seen = reports.withLock { $0 }
        #expect(!seen.isEmpty, "a run of over a second reports progress")
        #expect(seen.map(\.rows) == seen.map(\.rows).sorted())
        #expect(seen.allSatisfy { $0.bytesRead <= $0.totalBytes && $0.totalBytes > 0 })
    }
}
