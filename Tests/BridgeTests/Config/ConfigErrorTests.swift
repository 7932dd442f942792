import Foundation
import Support
import Testing
@testable import Bridge

@Suite struct ConfigErrorTests {
    @Test(arguments: [
        (#"{"logformat": "json"}"#, "logformat", #"unknown key (did you mean "logFormat"?)"#),
        (#"{"stocks": {}}"#, "stocks", #"unknown key (did you mean "stock"?)"#),
        (#"{"dryRun": true}"#, "dryRun", "unknown key; expected one of linnworks, stock, shipments, exports, watch, logFormat"),
        (#"{"linnworks": {"applicationID": "x"}}"#, "linnworks.applicationID", #"unknown key (did you mean "applicationId"?)"#),
        (#"{"linnworks": {"secret": "x"}}"#, "linnworks.secret", "unknown key; expected one of applicationId, applicationSecret, token, authUrl, timeoutSeconds, retryBudgetSeconds"),
        (#"{"stock": {"colums": {}}}"#, "stock.colums", #"unknown key (did you mean "columns"?)"#),
        (#"{"stock": {"batchsize": 5}}"#, "stock.batchsize", #"unknown key (did you mean "batchSize"?)"#),
        (#"{"stock": {"columns": {"skuu": ["A"]}}}"#, "stock.columns.skuu", #"unknown column (did you mean "sku"?)"#),
        (#"{"stock": {"columns": {"price": ["A"]}}}"#, "stock.columns.price", "unknown column; expected one of sku, level, location"),
        (#"{"shipments": {"columns": {"trackign": []}}}"#, "shipments.columns.trackign", #"unknown column (did you mean "tracking"?)"#),
        (#"{"shipments": {"columns": {"sku": []}}}"#, "shipments.columns.sku", "unknown column; expected one of order, tracking, service, weight, cost, voided"),
        (#"{"shipments": {"lcoations": []}}"#, "shipments.lcoations", #"unknown key (did you mean "locations"?)"#),
        (#"{"exports": {"fulfillmentLocation": "X"}}"#, "exports.fulfillmentLocation", #"unknown key (did you mean "fulfilmentLocation"?)"#),
        (#"{"watch": {"settle": 3}}"#, "watch.settle", "unknown key; expected one of settleSeconds, pollSeconds, rescanSeconds, skipDuplicateFiles"),
        (#"{"watch": {"settleSeconds": 1, "log format": 2}}"#, #"watch["log format"]"#, "unknown key; expected one of settleSeconds, pollSeconds, rescanSeconds, skipDuplicateFiles"),
    ])
    func unknownKeysAreNamedWithHints(json: String, keyPath: String, message: String) throws {
        let error = try #require(configError(json))
        #expect(error == ConfigError(source: "linnbridge.json", keyPath: keyPath, message: message))
    }

    @Test func unknownKeysAreReportedInAStableOrder() throws {
        let error = try #require(configError(#"{"zeta": 1, "alpha": 2, "stock": {"zz": 1}}"#))
        #expect(error.keyPath == "alpha")
    }

    @Test(arguments: [
        (#"{"stock": []}"#, "stock", "expected an object, found a list"),
        (#"{"stock": {"batchSize": "lots"}}"#, "stock.batchSize", #"expected a whole number from 1 to 1000, found "lots""#),
        (#"{"stock": {"batchSize": 12.5}}"#, "stock.batchSize", "expected a whole number from 1 to 1000, found 12.5"),
        (#"{"stock": {"batchSize": true}}"#, "stock.batchSize", "expected a whole number from 1 to 1000, found true"),
        (#"{"stock": {"batchSize": null}}"#, "stock.batchSize", "expected a whole number from 1 to 1000, found null"),
        (#"{"stock": {"defaultLocation": 7}}"#, "stock.defaultLocation", "expected a string, found 7"),
        (#"{"stock": {"defaultLocation": " "}}"#, "stock.defaultLocation", #"expected a non-empty string, found " ""#),
        (#"{"stock": {"columns": ["sku"]}}"#, "stock.columns", "expected an object, found a list"),
        (#"{"stock": {"columns": {"sku": "Artikelnummer"}}}"#, "stock.columns.sku", #"expected a list of strings, found "Artikelnummer""#),
        (#"{"stock": {"columns": {"level": ["Bestand", 3]}}}"#, "stock.columns.level[1]", "expected a string, found 3"),
        (#"{"shipments": {"processOrders": 1}}"#, "shipments.processOrders", "expected true or false, found 1"),
        (#"{"shipments": {"processOrders": "yes"}}"#, "shipments.processOrders", #"expected true or false, found "yes""#),
        (#"{"shipments": {"locations": "3PL"}}"#, "shipments.locations", #"expected a list of strings, found "3PL""#),
        (#"{"shipments": {"locations": ["A", "A"]}}"#, "shipments.locations[1]", #""A" is listed twice"#),
        (##"{"shipments": {"stripPrefixes": ["#", ""]}}"##, "shipments.stripPrefixes[1]", #"expected a non-empty string, found """#),
        (#"{"shipments": {"postalServiceAliases": ["DPD"]}}"#, "shipments.postalServiceAliases", "expected an object, found a list"),
        (#"{"shipments": {"postalServiceAliases": {"DPD Next Day": 5}}}"#, #"shipments.postalServiceAliases["DPD Next Day"]"#, "expected a string, found 5"),
        (#"{"exports": {"tag": ""}}"#, "exports.tag", #"expected a non-empty string, found """#),
        (#"{"exports": {"bom": "false"}}"#, "exports.bom", #"expected true or false, found "false""#),
        (#"{"exports": {"fulfilmentLocation": {}}}"#, "exports.fulfilmentLocation", "expected a string, found an object"),
        (#"{"exports": {"openOrdersEvery": "15m"}}"#, "exports.openOrdersEvery", #"expected a whole number of seconds, at least 60, or null, found "15m""#),
        (#"{"exports": {"openOrderColumns": "sku"}}"#, "exports.openOrderColumns", #"expected a list of strings, found "sku""#),
        (#"{"watch": {"settleSeconds": "2s"}}"#, "watch.settleSeconds", #"expected a number of seconds of 0 or more, found "2s""#),
        (#"{"watch": {"skipDuplicateFiles": 0}}"#, "watch.skipDuplicateFiles", "expected true or false, found 0"),
        (#"{"logFormat": 1}"#, "logFormat", #"expected a string, found 1"#),
        (#"{"logFormat": "xml"}"#, "logFormat", #"expected "text" or "json", found "xml""#),
        (#"{"logFormat": "jsn"}"#, "logFormat", #"expected "text" or "json", found "jsn" (did you mean "json"?)"#),
        (#"{"linnworks": {"applicationId": 42}}"#, "linnworks.applicationId", "expected a string, found 42"),
        (#"{"linnworks": {"authUrl": "api.linnworks.net"}}"#, "linnworks.authUrl", #"expected an http:// or https:// URL, found "api.linnworks.net""#),
        (#"{"linnworks": {"authUrl": "ftp://x"}}"#, "linnworks.authUrl", #"expected an http:// or https:// URL, found "ftp://x""#),
    ])
    func wrongTypesNameTheKeyWhatWasExpectedAndWhatWasFound(json: String, keyPath: String, message: String) throws {
        let error = try #require(configError(json))
        #expect(error == ConfigError(source: "linnbridge.json", keyPath: keyPath, message: message))
    }

    @Test(arguments: [
        (#"{"stock": {"batchSize": 0}}"#, "stock.batchSize", "expected a whole number from 1 to 1000, found 0"),
        (#"{"stock": {"batchSize": 1001}}"#, "stock.batchSize", "expected a whole number from 1 to 1000, found 1001"),
        (#"{"stock": {"batchSize": 1e300}}"#, "stock.batchSize", "expected a whole number from 1 to 1000, found 1e+300"),
        (#"{"stock": {"maxInFlight": 5}}"#, "stock.maxInFlight", "expected a whole number from 1 to 4, found 5"),
        (#"{"stock": {"maxInFlight": -1}}"#, "stock.maxInFlight", "expected a whole number from 1 to 4, found -1"),
        (#"{"shipments": {"batchSize": 201}}"#, "shipments.batchSize", "expected a whole number from 1 to 200, found 201"),
        (#"{"exports": {"openOrdersEvery": 59}}"#, "exports.openOrdersEvery", "expected a whole number of seconds, at least 60, or null, found 59"),
        (#"{"exports": {"stockLevelsEvery": 90.5}}"#, "exports.stockLevelsEvery", "expected a whole number of seconds, at least 60, or null, found 90.5"),
        (#"{"watch": {"settleSeconds": -0.5}}"#, "watch.settleSeconds", "expected a number of seconds of 0 or more, found -0.5"),
        (#"{"watch": {"pollSeconds": 0}}"#, "watch.pollSeconds", "expected a number of seconds greater than 0, found 0"),
    ])
    func outOfRangeNumbersAreRejected(json: String, keyPath: String, message: String) throws {
        let error = try #require(configError(json))
        #expect(error == ConfigError(source: "linnbridge.json", keyPath: keyPath, message: message))
    }

    /// Every duration is bounded: more than 7 days is a mistake (JSON itself refuses 1e400), not a schedule.
    @Test(arguments: [
        (#"{"watch": {"settleSeconds": 604801}}"#, "watch.settleSeconds", "expected a number of seconds of at most 604800 (7 days), found 604801"),
        (#"{"watch": {"pollSeconds": 1e300}}"#, "watch.pollSeconds", "expected a number of seconds of at most 604800 (7 days), found 1e+300"),
        (#"{"watch": {"rescanSeconds": 1.7e308}}"#, "watch.rescanSeconds", "expected a number of seconds of at most 604800 (7 days), found 1.7e+308"),
        (#"{"watch": {"rescanSeconds": -1}}"#, "watch.rescanSeconds", "expected a number of seconds greater than 0, found -1"),
        (#"{"exports": {"openOrdersEvery": 604860}}"#, "exports.openOrdersEvery", "expected a number of seconds of at most 604800 (7 days), found 604860"),
        (#"{"exports": {"stockLevelsEvery": 1e19}}"#, "exports.stockLevelsEvery", "expected a number of seconds of at most 604800 (7 days), found 1e+19"),
    ])
    func durationsAboveAWeekAreRejected(json: String, keyPath: String, message: String) throws {
        let error = try #require(configError(json))
        #expect(error == ConfigError(source: "linnbridge.json", keyPath: keyPath, message: message))
    }

    @Test func aDurationOfExactlyAWeekIsAccepted() throws {
        let config = try parseConfig(#"{"watch": {"settleSeconds": 604800, "pollSeconds": 604800, "rescanSeconds": 604800}, "exports": {"openOrdersEvery": 604800}}"#)
        #expect(config.watch.settleSeconds == 604_800 && config.watch.pollSeconds == 604_800 && config.watch.rescanSeconds == 604_800)
        #expect(config.exports.openOrdersEvery == 604_800)
    }

    @Test func wholeNumbersMayBeWrittenWithAZeroFraction() throws {
        #expect(try parseConfig(#"{"stock": {"batchSize": 250.0}}"#).stock.batchSize == 250)
        #expect(try parseConfig(#"{"stock": {"batchSize": 1e3}}"#).stock.batchSize == 1000)
    }

    @Test(arguments: [
        ("linnworks.applicationSecret", #"{"linnworks": {"applicationSecret": 918273645}}"#, "918273645", "a number"),
        ("linnworks.applicationSecret", #"{"linnworks": {"applicationSecret": ["hunter2-secret"]}}"#, "hunter2-secret", "a list"),
        ("linnworks.token", #"{"linnworks": {"token": 5550123}}"#, "5550123", "a number"),
        ("linnworks.token", #"{"linnworks": {"token": {"value": "tok-9988"}}}"#, "tok-9988", "an object"),
    ])
    func secretsInWrongTypedFieldsAreNotEchoed(keyPath: String, json: String, secret: String, found: String) throws {
        let error = try #require(configError(json))
        #expect(error.keyPath == keyPath)
        #expect(error.message == "expected a string, found \(found)")
        #expect(!error.description.contains(secret))
    }

    @Test func secretListItemsAreNotEchoed() throws {
        // A list whose items would normally be quoted in messages stays silent under a secret key.
        let value = ConfigValue(raw: ["abc", 12345], keyPath: "linnworks.token", source: "s", isSecret: true)
        #expect(throws: ConfigError(source: "s", keyPath: "linnworks.token[1]", message: "expected a string, found a number")) {
            try value.stringList()
        }
    }

    @Test func longValuesAreShortenedInMessages() throws {
        let long = String(repeating: "x", count: 100)
        let error = try #require(configError(#"{"stock": {"batchSize": "\#(long)"}}"#))
        #expect(error.message.contains(String(repeating: "x", count: 40) + "…\""))
        #expect(!error.message.contains(String(repeating: "x", count: 41)))
    }
}
