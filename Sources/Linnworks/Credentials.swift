import Support

/// The three values that let LinnBridge open a Linnworks session, and where to open it.
///
/// Exists so credentials travel as `Secret`s from the moment they are read: nothing that
/// holds a `Credentials` can print the application secret or the installation token by accident.
public struct Credentials: Sendable {
    public var applicationID: String
    public var applicationSecret: Secret
    public var installationToken: Secret
    /// Where `Auth/AuthorizeByApplication` is called; later calls go to the session's `Server`.
    public var authURL: String

    public static let defaultAuthURL = "https://api.linnworks.net"

    public init(applicationID: String, applicationSecret: Secret, installationToken: Secret,
                authURL: String = Credentials.defaultAuthURL) {
        self.applicationID = applicationID
        self.applicationSecret = applicationSecret
        self.installationToken = installationToken
        self.authURL = authURL
    }

    /// Reads `LINNWORKS_APPLICATION_ID`, `LINNWORKS_APPLICATION_SECRET`, `LINNWORKS_TOKEN`
    /// and `LINNWORKS_AUTH_URL`; returns nil when any of the first three is missing.
    public static func fromEnvironment(_ environment: [String: String]) -> Credentials? {
        guard let id = environment["LINNWORKS_APPLICATION_ID"], !id.isEmpty,
              let secret = environment["LINNWORKS_APPLICATION_SECRET"], !secret.isEmpty,
              let token = environment["LINNWORKS_TOKEN"], !token.isEmpty else { return nil }
        let url = environment["LINNWORKS_AUTH_URL"].flatMap { $0.isEmpty ? nil : $0 } ?? defaultAuthURL
        return Credentials(applicationID: id, applicationSecret: Secret(secret),
                           installationToken: Secret(token), authURL: url)
    }
}
