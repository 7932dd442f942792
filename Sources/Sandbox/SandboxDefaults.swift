/// Where the sandbox finds its seed account unless told otherwise.
///
/// The sandbox is LinnBridge's stand-in for Linnworks: every end-to-end test and `linnbridge demo` run against it.
public enum SandboxDefaults {
    /// The seed account shipped with the repository.
    public static let seedPath = "samples/sandbox-account.json"

    /// The credentials of the shipped seed and of every synthetic account. They open only
    /// a sandbox, yet are still handled as secrets so that code paths stay the same.
    public static let applicationID = "5c1e2a3b-7d4f-4e6a-9b8c-0d1e2f3a4b5c"
    public static let applicationSecret = "9f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a"
    public static let installationToken = "1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d"
}
