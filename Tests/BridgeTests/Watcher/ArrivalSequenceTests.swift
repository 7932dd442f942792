@testable import Bridge
import Testing

@Suite struct ArrivalSequenceTests {
    /// Claims made after a restart number after every claim left over, even when the wall clock has
    /// stepped back behind them (a claim of "the future" left by a clock that was ahead).
    @Test func sequenceNumbersOnlyGrow() {
        let future = UInt64.max / 4
        let leftOver = ClaimedFile(path: "/x/\(future).csv", record: .init(sequence: future, kind: .stock, name: "a.csv",
                                                                             rawNameHex: nil, arrival: 0, identity: nil))
        var sequence = ArrivalSequence(after: [leftOver])
        let numbers = (0..<1000).map { _ in sequence.next() }
        #expect(numbers.first! == future + 1)
        #expect(zip(numbers, numbers.dropFirst()).allSatisfy { $0 < $1 })
        var fresh = ArrivalSequence(after: [])
        let a = fresh.next(), b = fresh.next()
        #expect(a < b)
    }
}
