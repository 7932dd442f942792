@testable import Bridge
import Foundation
import Linnworks
import Testing

/// The exactly-once shell with a stand-in for Linnworks: the calls it makes and the journal it writes.
@Suite struct OrderProcessingTests {
    func stateDirectory() -> String { NSTemporaryDirectory() + "linnbridge-processing-" + UUID().uuidString }

    func journalLines(_ directory: String) throws -> [ShipmentJournal.Entry] {
        try ShipmentJournal(stateDirectory: directory, inputPath: "", contentHash: 7).entries()
    }

    @Test func aBatchIsJournalledAroundItsOneCall() async throws {
        let service = FakeShipmentService()
        let state = stateDirectory()
        defer { try? FileManager.default.removeItem(atPath: state) }
        var processing = try await OrderProcessing.resume(stateDirectory: state, contentHash: 7, service: service)
        let outcomes = try await processing.process([("a", "l1"), ("b", "l1")])
        #expect(outcomes == ["a": .processed(confirmedByReadBack: false), "b": .processed(confirmedByReadBack: false)])
        #expect(service.calls.withLock { $0 } == ["process a,b"])
        #expect(try journalLines(state).map(\.kind) == [.intent, .outcome])
        processing.finished()
        #expect(try journalLines(state).isEmpty, "the journal goes with the file")
    }

    @Test func aLostAnswerIsReadBackNotSentBlind() async throws {
        let service = FakeShipmentService()
        service.processAnswers.withLock { $0 = [nil] }
        let state = stateDirectory()
        defer { try? FileManager.default.removeItem(atPath: state) }
        var processing = try await OrderProcessing.resume(stateDirectory: state, contentHash: 7, service: service)
        let outcomes = try await processing.process([("a", nil)])
        #expect(service.calls.withLock { $0 } == ["process a", "checkProcessing a"], "applied although the answer was lost: not sent again")
        #expect(outcomes["a"] == .processed(confirmedByReadBack: true))
    }

    @Test func anUnfinishedBatchOfAnEarlierRunIsReadBackFirst() async throws {
        let service = FakeShipmentService()
        let state = stateDirectory()
        defer { try? FileManager.default.removeItem(atPath: state) }
        let journal = try ShipmentJournal(stateDirectory: state, inputPath: "", contentHash: 7)
        try journal.record(.init(kind: .intent, batch: 0, orders: ["a", "b"]))
        service.processedIDs.withLock { $0 = ["a"] }  // the killed run's call reached Linnworks for a
        var processing = try await OrderProcessing.resume(stateDirectory: state, contentHash: 7, service: service)
        #expect(service.calls.withLock { $0 } == ["checkProcessing a,b"])
        #expect(processing.earlierOutcome(of: "a") == .processed(confirmedByReadBack: true))
        #expect(processing.earlierOutcome(of: "b") == nil)
        _ = try await processing.process([("a", nil), ("b", nil)])
        #expect(service.calls.withLock { $0 }.last == "process b")
        #expect(try journalLines(state).last?.batch == 1, "a new batch number")
    }

    @Test func answersLostEveryTimeEndTheRunAsAnOutage() async throws {
        // Lost and not applied, every time: read back open, paused, sent again, up to three sends.
        let service = FakeShipmentService(lostCallsApply: false)
        service.processAnswers.withLock { $0 = [nil, nil, nil] }
        let state = stateDirectory()
        defer { try? FileManager.default.removeItem(atPath: state) }
        var processing = try await OrderProcessing.resume(stateDirectory: state, contentHash: 7, service: service)
        do {
            _ = try await processing.process([("z", nil)])
            Issue.record("three lost answers must end the run")
        } catch {
            #expect(error.code == .linnworksUnavailable)
        }
        #expect(service.calls.withLock { $0 } == ["process z", "checkProcessing z", "pause 1", "process z", "checkProcessing z", "pause 2",
                                                   "process z", "checkProcessing z"])
        #expect(try journalLines(state).map(\.kind) == [.intent], "no outcome: the next run reads back first")
    }
}
