/// Where the sandbox finds its seed account unless told otherwise.
///
/// The sandbox is LinnBridge's stand-in for Linnworks: every end-to-end test and `linnbridge demo` run against it.
public enum SandboxDefaults {
    /// The seed account shipped with the repository.
    public static let seedPath = "samples/sandbox-account.json"
}
