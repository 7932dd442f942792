/// A `Duration` as a `Double` of seconds, written once.
///
/// Exists because logs, timeouts and back-offs speak in seconds while the clocks speak in `Duration`,
/// and the conversion had been spelled out by hand in fifteen places.
extension Duration {
    public var inSeconds: Double {
        Double(components.seconds) + Double(components.attoseconds) / 1e18
    }
}
