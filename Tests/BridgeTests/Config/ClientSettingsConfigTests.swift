@testable import Bridge
import Foundation
import Testing

/// `linnworks.timeoutSeconds` and `linnworks.retryBudgetSeconds`: read, defaulted, and bounded.
@Suite struct ClientSettingsConfigTests {
    @Test func defaultsAreAMinuteAndFiveMinutes() throws {
        let config = try BridgeConfig.parse(Data("{}".utf8), source: "linnbridge.json")
        #expect(config.linnworks.timeoutSeconds == 60)
        #expect(config.linnworks.retryBudgetSeconds == 300)
    }

    @Test func valuesAreRead() throws {
        let json = #"{"linnworks": {"timeoutSeconds": 2.5, "retryBudgetSeconds": 30}}"#
        let config = try BridgeConfig.parse(Data(json.utf8), source: "linnbridge.json")
        #expect(config.linnworks.timeoutSeconds == 2.5)
        #expect(config.linnworks.retryBudgetSeconds == 30)
    }

    @Test(arguments: [#"{"linnworks": {"timeoutSeconds": 0}}"#, #"{"linnworks": {"timeoutSeconds": -1}}"#,
                      #"{"linnworks": {"retryBudgetSeconds": 1e300}}"#, #"{"linnworks": {"timeoutSeconds": "60"}}"#])
    func nonsenseIsAConfigurationErrorNamingTheKey(json: String) {
        #expect {
            _ = try BridgeConfig.parse(Data(json.utf8), source: "linnbridge.json")
        } throws: { error in
            "\(error)".contains("linnworks.timeoutSeconds") || "\(error)".contains("linnworks.retryBudgetSeconds")
        }
    }
}
