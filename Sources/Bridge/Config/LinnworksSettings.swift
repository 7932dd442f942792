import Foundation
import Support

/// The `linnworks` section: credentials and the auth URL, for installs that keep them in the file.
///
/// Exists because some hosts cannot set environment variables for a daemon; the environment still
/// wins (see `BridgeConfig.credentials(environment:)`). The application secret and the installation
/// token are held as `Secret`s from the moment they are parsed, and no error message ever quotes them.
/// Empty strings count as absent, as they do in the environment, so a template with blanks is valid.
public struct LinnworksSettings: Sendable, Equatable {
    /// `"applicationId"`.
    var applicationID: String?
    /// `"applicationSecret"`.
    public var applicationSecret: Secret?
    /// `"token"`: the permanent installation token.
    public var installationToken: Secret?
    /// `"authUrl"`: where `AuthorizeByApplication` is called; nil means `Credentials.defaultAuthURL`.
    var authURL: String?
    /// `"timeoutSeconds"`: a call with no answer after this long has failed (default 60).
    public var timeoutSeconds = 60.0
    /// `"retryBudgetSeconds"`: how long an outage is retried before a run gives up with 69 (default 300).
    public var retryBudgetSeconds = 300.0

    init(applicationID: String? = nil, applicationSecret: Secret? = nil,
                installationToken: Secret? = nil, authURL: String? = nil) {
        self.applicationID = applicationID
        self.applicationSecret = applicationSecret
        self.installationToken = installationToken
        self.authURL = authURL
    }

    static let keys = ["applicationId", "applicationSecret", "token", "authUrl", "timeoutSeconds", "retryBudgetSeconds"]

    init(reading value: ConfigValue) throws(ConfigError) {
        self.init()
        let object = try value.object()
        try object.rejectUnknownKeys(known: Self.keys)
        if let value = object.value("applicationId") { applicationID = try Self.optional(value) }
        if let value = object.value("applicationSecret", isSecret: true) { applicationSecret = try Self.optional(value).map(Secret.init) }
        if let value = object.value("token", isSecret: true) { installationToken = try Self.optional(value).map(Secret.init) }
        if let value = object.value("authUrl") {
            authURL = try Self.optional(value)
            if let url = authURL { try Self.checkURL(url, value) }
        }
        if let value = object.value("timeoutSeconds") { timeoutSeconds = try value.seconds(atLeast: 0, excludingMinimum: true) }
        if let value = object.value("retryBudgetSeconds") { retryBudgetSeconds = try value.seconds(atLeast: 0) }
    }

    /// A string, where `""` and `null` both mean "not set here".
    private static func optional(_ value: ConfigValue) throws(ConfigError) -> String? {
        if value.isNull { return nil }
        let string = try value.string(allowEmpty: true)
        return string.isEmpty ? nil : string
    }

    private static func checkURL(_ string: String, _ value: ConfigValue) throws(ConfigError) {
        guard let url = URL(string: string), let scheme = url.scheme?.lowercased(),
              scheme == "http" || scheme == "https", let host = url.host, !host.isEmpty else {
            throw value.mismatch("an http:// or https:// URL")
        }
    }
}
