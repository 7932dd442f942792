import Linnworks
import Support
import Testing
@testable import Bridge

@Suite struct ConfigCredentialsTests {
    let file = """
    {"linnworks": {"applicationId": "file-id", "applicationSecret": "file-secret", "token": "file-token",
                   "authUrl": "http://127.0.0.1:9000"}}
    """

    func revealed(_ credentials: Credentials?) -> [String]? {
        credentials.map { [$0.applicationID, $0.applicationSecret.reveal { $0 }, $0.installationToken.reveal { $0 }, $0.authURL] }
    }

    @Test func fileAloneIsEnough() throws {
        let config = try parseConfig(file)
        #expect(revealed(config.credentials(environment: [:])) == ["file-id", "file-secret", "file-token", "http://127.0.0.1:9000"])
    }

    @Test func environmentWinsValueByValue() throws {
        let config = try parseConfig(file)
        let environment = ["LINNWORKS_APPLICATION_SECRET": "env-secret", "LINNWORKS_AUTH_URL": "http://sandbox:1",
                           "LINNWORKS_TOKEN": ""]
        #expect(revealed(config.credentials(environment: environment)) == ["file-id", "env-secret", "file-token", "http://sandbox:1"])
        let everything = ["LINNWORKS_APPLICATION_ID": "env-id", "LINNWORKS_APPLICATION_SECRET": "env-secret",
                          "LINNWORKS_TOKEN": "env-token"]
        #expect(revealed(config.credentials(environment: everything)) == ["env-id", "env-secret", "env-token", "http://127.0.0.1:9000"])
    }

    @Test func environmentAloneUsesTheDefaultAuthURL() {
        let environment = ["LINNWORKS_APPLICATION_ID": "i", "LINNWORKS_APPLICATION_SECRET": "s", "LINNWORKS_TOKEN": "t"]
        #expect(revealed(BridgeConfig().credentials(environment: environment)) == ["i", "s", "t", "https://api.linnworks.net"])
    }

    @Test func missingFromBothIsNil() throws {
        let partial = try parseConfig(#"{"linnworks": {"applicationId": "file-id", "applicationSecret": "s"}}"#)
        #expect(partial.credentials(environment: [:]) == nil)
        #expect(partial.credentials(environment: ["LINNWORKS_TOKEN": "t"]) != nil)
        #expect(BridgeConfig().credentials(environment: ["LINNWORKS_APPLICATION_ID": "i", "LINNWORKS_TOKEN": "t"]) == nil)
    }

    @Test func parsedSecretsDoNotPrint() throws {
        let config = try parseConfig(file)
        let printed = "\(config) \(String(describing: config.linnworks)) \(String(reflecting: config))"
        #expect(!printed.contains("file-secret") && !printed.contains("file-token"))
        #expect(printed.contains("file-id"))
    }
}
