@testable import Bridge
import Linnworks
import Testing

/// The exactly-once state machine alone: every transition, and a crash after every step.
@Suite struct OrderActionsTests {
    typealias Entry = ShipmentJournal.Entry
    static let orders: [(id: String, location: String?)] = [("a", "loc-2"), ("b", "loc-1"), ("c", "loc-2")]

    static func ok(_ ids: [String]) -> [ProcessOrderResult] { ids.map { ProcessOrderResult(orderID: $0, isProcessed: true, error: nil) } }

    /// Runs the machine as the shell would, answering sends with `answer`, and returns the actions
    /// taken and the journal written, stopping after `steps` actions (a crash) if given.
    static func drive(_ machine: inout OrderActions, journal: inout [Entry], steps: Int = .max,
                      answer: ([String]) -> [ProcessOrderResult]? = { ok($0) },
                      readBack: ([String]) -> ProcessingCheck = { ids in var c = ProcessingCheck(); c.notProcessed = ids; return c })
        -> [OrderActions.Action] {
        var taken: [OrderActions.Action] = []
        while taken.count < steps {
            let action = machine.next()
            taken.append(action)
            switch action {
            case .done, .fail: return taken
            case let .record(entry): journal.append(entry); machine.recorded()
            case let .send(ids, _): if let results = answer(ids) { machine.answered(results) } else { machine.answerLost() }
            case let .readBack(ids): machine.readBack(readBack(ids))
            case .pause: machine.paused()
            }
        }
        return taken
    }

    @Test func aBatchIsAnnouncedThenSentPerLocationThenConcluded() {
        var machine = OrderActions(journal: [], maxAttempts: 3)
        #expect(machine.next() == .done, "nothing to do before a batch")
        machine.process(Self.orders)
        var journal: [Entry] = []
        let actions = Self.drive(&machine, journal: &journal)
        #expect(actions == [
            .record(Entry(kind: .intent, batch: 0, orders: ["a", "b", "c"])),
            .send(orders: ["b"], location: "loc-1"),
            .send(orders: ["a", "c"], location: "loc-2"),
            .record(Entry(kind: .outcome, batch: 0, orders: ["a", "b", "c"], processed: ["a", "b", "c"], refused: [:])),
            .done,
        ])
        #expect(machine.outcomes["a"] == .processed(confirmedByReadBack: false))
    }

    @Test func refusalsAndMissingResultsAreRefused() {
        var machine = OrderActions(journal: [], maxAttempts: 3)
        machine.process([("a", nil), ("b", nil)])
        var journal: [Entry] = []
        _ = Self.drive(&machine, journal: &journal, answer: { _ in [ProcessOrderResult(orderID: "a", isProcessed: false, error: "parked")] })
        #expect(machine.outcomes["a"] == .refused("parked"))
        #expect(machine.outcomes["b"] == .refused("no result for this order"))
        #expect(journal.last == Entry(kind: .outcome, batch: 0, orders: ["a", "b"], processed: [], refused: ["a": "parked", "b": "no result for this order"]))
    }

    @Test func aLostAnswerIsReadBackAndOnlyWhatIsStillOpenIsSentAgain() {
        var machine = OrderActions(journal: [], maxAttempts: 3)
        machine.process([("a", nil), ("b", nil), ("c", nil)])
        var journal: [Entry] = []
        var sends = 0
        let actions = Self.drive(&machine, journal: &journal, answer: { ids in
            sends += 1
            return sends == 1 ? nil : Self.ok(ids)
        }, readBack: { ids in
            var check = ProcessingCheck()
            check.processed = ["a"]
            check.unknown = ["b"]
            check.notProcessed = ids.filter { $0 == "c" }
            return check
        })
        #expect(actions.contains(.readBack(["a", "b", "c"])))
        #expect(actions.contains(.pause(failures: 1)))
        #expect(actions.contains(.send(orders: ["c"], location: nil)), "only the order still open goes again")
        #expect(machine.outcomes["a"] == .processed(confirmedByReadBack: true))
        #expect(machine.outcomes["b"] == .refused("Order not found"))
        #expect(machine.outcomes["c"] == .processed(confirmedByReadBack: false))
    }

    @Test func aReadBackFindingEverythingProcessedSendsNothingMore() {
        var machine = OrderActions(journal: [], maxAttempts: 3)
        machine.process([("a", nil)])
        var journal: [Entry] = []
        let actions = Self.drive(&machine, journal: &journal, answer: { _ in nil }, readBack: { ids in
            var check = ProcessingCheck(); check.processed = ids; return check
        })
        #expect(actions.filter { if case .send = $0 { return true } else { return false } }.count == 1)
        #expect(!actions.contains(.pause(failures: 1)))
        #expect(actions.last == .done)
    }

    @Test func answersLostMaxAttemptsTimesFailTheRunAndLeaveTheIntent() {
        var machine = OrderActions(journal: [], maxAttempts: 2)
        machine.process([("a", nil)])
        var journal: [Entry] = []
        let actions = Self.drive(&machine, journal: &journal, answer: { _ in nil })
        #expect(actions.filter { if case .send = $0 { return true } else { return false } }.count == 2)
        guard case .fail? = actions.last else { Issue.record("\(actions)"); return }
        #expect(journal == [Entry(kind: .intent, batch: 0, orders: ["a"])], "no outcome: the next run reads back first")
    }

    @Test func ordersWithAKnownOutcomeAreNotSentAndAnEmptyBatchIsNothing() {
        let journal = [Entry(kind: .intent, batch: 0, orders: ["a", "b"]),
                       Entry(kind: .outcome, batch: 0, orders: ["a", "b"], processed: ["a"], refused: ["b": "parked"])]
        var machine = OrderActions(journal: journal, maxAttempts: 3)
        #expect(machine.next() == .done, "a finished batch needs no read-back")
        #expect(machine.outcomes["b"] == .refused("parked"))
        machine.process([("a", nil), ("b", nil)])
        #expect(machine.next() == .done)
        machine.process([])
        #expect(machine.next() == .done)
        machine.process([("c", nil)])
        #expect(machine.next() == .record(Entry(kind: .intent, batch: 1, orders: ["c"])), "batch numbers go on after the journal's")
    }

    /// A crash after each step (1: intent written, 2: loc-1 sent, 3: loc-2 sent, 4: outcome written,
    /// 5: done): a machine built from what was journalled must read back an intent without an outcome
    /// before sending anything, and across both runs each order reaches Linnworks exactly once.
    @Test(arguments: 1...5)
    func aCrashAfterAnyStepNeverSendsAnOrderTwice(_ steps: Int) {
        var sends: [String: Int] = [:]
        func linnworks(_ ids: [String]) -> [ProcessOrderResult] {
            for id in ids { sends[id, default: 0] += 1 }
            return Self.ok(ids)
        }
        var first = OrderActions(journal: [], maxAttempts: 3)
        first.process(Self.orders)
        var journal: [Entry] = []
        _ = Self.drive(&first, journal: &journal, steps: steps, answer: linnworks)

        var restarted = OrderActions(journal: journal, maxAttempts: 3)
        let unsettled = journal.contains { $0.kind == .intent } && !journal.contains { $0.kind == .outcome }
        #expect(restarted.next() == (unsettled ? .readBack(["a", "b", "c"]) : .done), "after \(steps) steps")
        _ = Self.drive(&restarted, journal: &journal, answer: linnworks, readBack: { ids in
            var check = ProcessingCheck()
            check.processed = ids.filter { sends[$0] != nil }
            check.notProcessed = ids.filter { sends[$0] == nil }
            return check
        })
        // The same file again: what is settled is not sent; the rest is, once.
        restarted.process(Self.orders)
        _ = Self.drive(&restarted, journal: &journal, answer: linnworks)
        #expect(sends == ["a": 1, "b": 1, "c": 1], "after \(steps) steps: \(sends)")
        for id in ["a", "b", "c"] {
            guard case .processed? = restarted.outcomes[id] else { Issue.record("\(id) after \(steps) steps"); continue }
        }
    }
}
