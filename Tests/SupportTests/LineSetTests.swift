import Support
import Testing

@Suite struct LineSetTests {
    @Test func insertContainsCountAndOrder() {
        var set = LineSet()
        #expect(set.isEmpty && !set.contains(0) && !set.contains(-1))
        let new = set.insert(130), again = set.insert(130)
        #expect(new && !again, "a second insert is not new")
        set.insert(2)
        set.insert(63)
        set.insert(64)
        #expect(set.count == 4)
        #expect(Array(set) == [2, 63, 64, 130])
        #expect(set.contains(64) && !set.contains(65) && !set.contains(1_000_000))
    }

    @Test func unionAndEquality() {
        let a = LineSet([1, 5, 200]), b = LineSet([5, 6])
        let both = a.union(b)
        #expect(Array(both) == [1, 5, 6, 200] && both.count == 4)
        #expect(b.union(a) == both)
        #expect(LineSet([6, 5]) == b)
        #expect(LineSet([6]) != b)
    }

    @Test func fiveMillionLinesStayCompact() {
        var set = LineSet()
        for line in stride(from: 2, through: 5_000_001, by: 1) { set.insert(line) }
        #expect(set.count == 5_000_000)
        #expect(MemoryLayout<LineSet>.size <= 16)
    }

    @Test func contentHashStreamsAsOneRead() {
        var whole = ContentHash(), parts = ContentHash()
        let bytes = Array("stock,levels\n".utf8)
        whole.update(bytes)
        parts.update(Array(bytes[0..<5]))
        parts.update(Array(bytes[5...]))
        #expect(whole == parts)
        #expect(ContentHash().value == 0xCBF2_9CE4_8422_2325)
        #expect(whole.value != ContentHash().value)
    }
}
