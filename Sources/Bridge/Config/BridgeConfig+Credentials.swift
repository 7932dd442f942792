import Linnworks
import Support

extension BridgeConfig {
    /// The Linnworks credentials from the environment (`LINNWORKS_APPLICATION_ID`,
    /// `LINNWORKS_APPLICATION_SECRET`, `LINNWORKS_TOKEN`, `LINNWORKS_AUTH_URL`) and the file's
    /// `linnworks` section, the environment winning value by value; nil when the application id,
    /// secret or token is missing from both. Empty environment variables count as unset.
    public func credentials(environment: [String: String]) -> Credentials? {
        func fromEnvironment(_ name: String) -> String? {
            guard let value = environment[name], !value.isEmpty else { return nil }
            return value
        }
        guard let id = fromEnvironment("LINNWORKS_APPLICATION_ID") ?? linnworks.applicationID,
              let secret = fromEnvironment("LINNWORKS_APPLICATION_SECRET").map(Secret.init) ?? linnworks.applicationSecret,
              let token = fromEnvironment("LINNWORKS_TOKEN").map(Secret.init) ?? linnworks.installationToken
        else { return nil }
        let authURL = fromEnvironment("LINNWORKS_AUTH_URL") ?? linnworks.authURL ?? Credentials.defaultAuthURL
        return Credentials(applicationID: id, applicationSecret: secret, installationToken: token, authURL: authURL)
    }
}
