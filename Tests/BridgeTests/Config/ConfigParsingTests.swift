import Foundation
import Support
import Testing
@testable import Bridge

/// Parses `json` as `linnbridge.json`; helpers shared by the config suites.
func parseConfig(_ json: String) throws(ConfigError) -> BridgeConfig {
    try BridgeConfig.parse(Data(json.utf8), source: "linnbridge.json")
}

/// The error `json` produces, or nil when it parses.
func configError(_ json: String) -> ConfigError? {
    do { _ = try parseConfig(json); return nil } catch { return error }
}

@Suite struct ConfigParsingTests {
    @Test func defaultsServeTheCommonCase() throws {
        let config = BridgeConfig()
        #expect(config.linnworks == LinnworksSettings())
        #expect(config.stock.columns.isEmpty && config.stock.defaultLocation == "Default")
        #expect(config.stock.batchSize == 200 && config.stock.maxInFlight == 4)
        #expect(config.shipments.processOrders && config.shipments.locations.isEmpty)
        #expect(config.shipments.stripPrefixes == ["#", "SO-"] && config.shipments.stripSuffixes.isEmpty)
        #expect(config.shipments.batchSize == 200 && config.shipments.postalServiceAliases.isEmpty)
        #expect(config.exports.fulfilmentLocation == nil && config.exports.tag == "EXPORTED")
        #expect(config.exports.openOrdersEvery == nil && config.exports.stockLevelsEvery == nil)
        #expect(config.exports.bom && !config.exports.writeEmptyFiles && !config.exports.includeParked && !config.exports.includeOnHold)
        #expect(config.exports.openOrderColumns == nil)
        #expect(config.watch.settleSeconds == 2.0 && config.watch.pollSeconds == nil && config.watch.skipDuplicateFiles)
        #expect(config.logFormat == .text)
        #expect(try parseConfig("{}") == config)
        #expect(try parseConfig(#"{"stock": {}, "shipments": {}, "exports": {}, "watch": {}, "linnworks": {}}"#) == config)
    }

    @Test func fullFileSetsEveryField() throws {
        let config = try parseConfig("""
        {
          "linnworks": { "applicationId": "app-1", "applicationSecret": "s3cret", "token": "t0ken",
                         "authUrl": "http://127.0.0.1:8080" },
          "stock": { "columns": { "sku": ["Artikelnummer"], "level": ["Bestand", "Menge"], "location": [] },
                     "defaultLocation": "3PL Warehouse", "batchSize": 1000, "maxInFlight": 1 },
          "shipments": { "columns": { "order": ["Auftrag"], "tracking": ["Sendungsnummer"], "service": ["Dienst"],
                                      "weight": ["Gewicht"], "cost": ["Kosten"], "voided": ["Storniert"] },
                         "postalServiceAliases": { "DPD Next Day": "DPD Classic" },
                         "processOrders": false, "locations": ["3PL Warehouse", "00000000-0000-0000-0000-00000000000a"],
                         "stripPrefixes": [], "stripSuffixes": ["-A"], "batchSize": 1 },
          "exports": { "fulfilmentLocation": "3PL Warehouse", "tag": "SENT-TO-3PL", "openOrdersEvery": 900,
                       "stockLevelsEvery": 3600.0, "bom": false, "writeEmptyFiles": true, "includeParked": true,
                       "includeOnHold": true, "openOrderColumns": ["order id", "sku", "quantity"] },
          "watch": { "settleSeconds": 0, "pollSeconds": 1.5, "skipDuplicateFiles": false },
          "logFormat": "json"
        }
        """)
        #expect(config.linnworks.applicationID == "app-1")
        #expect(config.linnworks.applicationSecret == Secret("s3cret"))
        #expect(config.linnworks.installationToken == Secret("t0ken"))
        #expect(config.linnworks.authURL == "http://127.0.0.1:8080")
        #expect(config.stock.columns == ["sku": ["Artikelnummer"], "level": ["Bestand", "Menge"], "location": []])
        #expect(config.stock.defaultLocation == "3PL Warehouse")
        #expect(config.stock.batchSize == 1000 && config.stock.maxInFlight == 1)
        #expect(config.shipments.columns.count == 6 && config.shipments.columns["voided"] == ["Storniert"])
        #expect(config.shipments.postalServiceAliases == ["DPD Next Day": "DPD Classic"])
        #expect(!config.shipments.processOrders)
        #expect(config.shipments.locations == ["3PL Warehouse", "00000000-0000-0000-0000-00000000000a"])
        #expect(config.shipments.stripPrefixes.isEmpty && config.shipments.stripSuffixes == ["-A"])
        #expect(config.shipments.batchSize == 1)
        #expect(config.exports.fulfilmentLocation == "3PL Warehouse" && config.exports.tag == "SENT-TO-3PL")
        #expect(config.exports.openOrdersEvery == 900 && config.exports.stockLevelsEvery == 3600)
        #expect(!config.exports.bom && config.exports.writeEmptyFiles && config.exports.includeParked && config.exports.includeOnHold)
        #expect(config.exports.openOrderColumns == ["order id", "sku", "quantity"])
        #expect(config.watch.settleSeconds == 0 && config.watch.pollSeconds == 1.5 && !config.watch.skipDuplicateFiles)
        #expect(config.logFormat == .json)
    }

    @Test func nullMeansUnsetWhereAFieldIsOptional() throws {
        let config = try parseConfig("""
        { "exports": { "fulfilmentLocation": null, "openOrdersEvery": null, "stockLevelsEvery": null, "openOrderColumns": null },
          "watch": { "pollSeconds": null },
          "linnworks": { "applicationId": null, "applicationSecret": "", "token": null, "authUrl": "" } }
        """)
        #expect(config == BridgeConfig())
    }

    @Test func leadingByteOrderMarkIsAccepted() throws {
        let config = try BridgeConfig.parse(Data([0xEF, 0xBB, 0xBF] + Array(#"{"logFormat": "json"}"#.utf8)), source: "x")
        #expect(config.logFormat == .json)
    }

    @Test func descriptionNamesSourceKeyPathAndMessage() {
        #expect(ConfigError(source: "a.json", keyPath: "stock.batchSize", message: "m").description == "a.json: stock.batchSize: m")
        #expect(ConfigError(source: "a.json", message: "is empty").description == "a.json: is empty")
    }
}
