import Testing
import Support

@Suite struct LogMetadataTests {
    @Test func keepsInsertionOrderNotSortedOrder() {
        let metadata: LogMetadata = ["z": "1", "a": "2", "m": "3"]
        #expect(metadata.map(\.key) == ["z", "a", "m"])
    }

    @Test func settingAnExistingKeyReplacesInPlace() {
        var metadata: LogMetadata = ["a": "1", "b": "2", "a": "3"]
        #expect(metadata.map(\.value) == ["3", "2"])
        metadata["b"] = "4"
        metadata["c"] = "5"
        #expect(metadata.map { "\($0.key)=\($0.value)" } == ["a=3", "b=4", "c=5"])
        metadata["a"] = nil
        #expect(metadata.map(\.key) == ["b", "c"])
        #expect(metadata["b"] == "4" && metadata["a"] == nil)
    }

    @Test func mergingLetsTheOtherWin() {
        let merged = (["a": "1", "b": "2"] as LogMetadata).merging(["b": "x", "c": "3"])
        #expect(merged == ["a": "1", "b": "x", "c": "3"])
        #expect(merged != ["b": "x", "a": "1", "c": "3"])
    }
}
