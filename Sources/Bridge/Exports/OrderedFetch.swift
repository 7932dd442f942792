import Linnworks

/// Fetches numbered parts (order-detail chunks, stock pages) a few at a time and hands them to
/// `consume` strictly in order.
///
/// Exists because one call at a time leaves the rate limit unused while a round trip is in
/// flight, and fetching everything first would hold a 20,000-order account in memory. At most
/// `window` parts are in flight or waiting to be consumed, so memory is `window` parts whatever
/// the account's size. Returns the number of calls made.
///
/// `count` nil means "until a part for which `isLast` is true"; parts fetched beyond it are dropped.
func fetchInOrder<Part: Sendable>(
    window: Int, count: Int?,
    fetch: @escaping @Sendable (Int) async throws(LinnworksError) -> Part,
    isLast: (Part) -> Bool,
    consume: (Part) throws(BridgeError) -> Void
) async throws(BridgeError) -> Int {
    if count == 0 { return 0 }
    do {
        return try await withThrowingTaskGroup(of: (Int, Part).self) { group in
            var nextToStart = 0
            var nextToConsume = 0
            var waiting: [Int: Part] = [:]
            var calls = 0
            var reachedEnd = false
            func startMore() {
                while !reachedEnd, nextToStart - nextToConsume < window, count.map({ nextToStart < $0 }) ?? true {
                    let index = nextToStart
                    group.addTask { (index, try await fetch(index)) }
                    nextToStart += 1
                }
            }
            startMore()
            while let (index, part) = try await group.next() {
                calls += 1
                waiting[index] = part
                while let ready = waiting.removeValue(forKey: nextToConsume) {
                    if reachedEnd { break }
                    try consume(ready)
                    nextToConsume += 1
                    if isLast(ready) || count.map({ nextToConsume >= $0 }) == true {
                        reachedEnd = true
                    }
                }
                if reachedEnd { waiting.removeAll() } else { startMore() }
            }
            return calls
        }
    } catch let error as BridgeError {
        throw error
    } catch let error as LinnworksError {
        throw BridgeError(error)
    } catch {
        throw BridgeError(.linnworksUnavailable, "\(error)")
    }
}
