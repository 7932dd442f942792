/// How far a feed has got through a file, about once a second, for a progress line on a terminal.
public struct FeedProgress: Sendable {
    public var file: String
    public var rows: Int
    var bytesRead: Int
    var totalBytes: Int
    var seconds: Double

    public var rowsPerSecond: Double { seconds > 0 ? Double(rows) / seconds : 0 }
    /// Seconds left at the pace so far, once there is a pace to go by.
    public var secondsLeft: Double? {
        guard bytesRead > 0, totalBytes > bytesRead, seconds > 0 else { return nil }
        return seconds * Double(totalBytes - bytesRead) / Double(bytesRead)
    }
}
