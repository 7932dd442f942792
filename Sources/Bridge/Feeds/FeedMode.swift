/// What a feed run does with the valid rows of a file.
public enum FeedMode: Sendable, Equatable {
    /// Send them to Linnworks.
    case apply
    /// Only say what would be sent; `online` also looks things up in Linnworks, read-only.
    case check(online: Bool)
}
