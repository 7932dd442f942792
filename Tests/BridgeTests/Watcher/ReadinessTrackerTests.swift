@testable import Bridge
import Testing

@Suite struct ReadinessTrackerTests {
    typealias Snapshot = ReadinessTracker.Snapshot

    @Test func renamedInIsReadyAtOnceAndOnlyOnce() {
        var tracker = ReadinessTracker(settleSeconds: 2)
        #expect(tracker.movedIn("/in/a.csv") == "/in/a.csv")
        #expect(tracker.movedIn("/in/a.csv") == nil)
        tracker.observed("/in/a.csv", at: 0, snapshot: Snapshot(size: 1, modified: 1), closed: true)
        #expect(tracker.settled(at: 10) { _ in Snapshot(size: 1, modified: 1) }.isEmpty)
        tracker.forget("/in/a.csv")
        #expect(tracker.movedIn("/in/a.csv") == "/in/a.csv", "a new file of the same name is a new arrival")
    }

    @Test func writtenInPlaceWaitsForCloseAndSettle() {
        var tracker = ReadinessTracker(settleSeconds: 2)
        let path = "/in/slow.csv"
        var size = 10
        tracker.observed(path, at: 0, snapshot: Snapshot(size: size, modified: 0), closed: false)
        // Still open: never ready, however long it pauses.
        #expect(tracker.settled(at: 60) { _ in Snapshot(size: size, modified: 0) }.isEmpty)
        size = 20
        tracker.observed(path, at: 61, snapshot: Snapshot(size: size, modified: 61), closed: true)
        #expect(tracker.settled(at: 62) { _ in Snapshot(size: size, modified: 61) }.isEmpty, "settle time not over")
        #expect(tracker.settled(at: 63.5) { _ in Snapshot(size: size, modified: 61) } == [path])
        #expect(tracker.isIdle)
    }

    @Test func pollingNeedsSizeAndTimeToHold() {
        var tracker = ReadinessTracker(settleSeconds: 2)
        let path = "/in/polled.csv"
        tracker.observed(path, at: 0, snapshot: Snapshot(size: 5, modified: 0), closed: true)
        tracker.observed(path, at: 1, snapshot: Snapshot(size: 9, modified: 1), closed: true)
        #expect(tracker.settled(at: 2.5) { _ in Snapshot(size: 9, modified: 1) }.isEmpty, "it grew at 1 s")
        tracker.observed(path, at: 2.6, snapshot: Snapshot(size: 9, modified: 1), closed: true)
        #expect(tracker.settled(at: 3.1) { _ in Snapshot(size: 9, modified: 1) } == [path])
    }

    @Test func aFileThatGrowsWhileSettlingWaitsAgainAndAVanishedOneIsDropped() {
        var tracker = ReadinessTracker(settleSeconds: 1)
        tracker.observed("/in/a.csv", at: 0, snapshot: Snapshot(size: 1, modified: 0), closed: true)
        tracker.observed("/in/b.csv", at: 0, snapshot: Snapshot(size: 1, modified: 0), closed: true)
        let first = tracker.settled(at: 1.5) { $0 == "/in/a.csv" ? Snapshot(size: 2, modified: 1) : nil }
        #expect(first.isEmpty)
        #expect(tracker.settled(at: 2.0) { _ in Snapshot(size: 2, modified: 1) }.isEmpty)
        #expect(tracker.settled(at: 2.6) { _ in Snapshot(size: 2, modified: 1) } == ["/in/a.csv"])
    }

    @Test func ignoredNames() {
        for name in [".hidden.csv", "a.csv.tmp", "a.csv.part", "a.csv.filepart", "a.csv.crdownload", "~$a.csv", "a.xlsx", "a.csv.gz"] {
            #expect(!DropFolder.isCandidate(name), "\(name)")
        }
        for name in ["a.csv", "B.CSV", "c.tsv", "d.txt", "with space é.csv", "-leading.csv"] {
            #expect(DropFolder.isCandidate(name), "\(name)")
        }
    }
}
