import Foundation
import Testing
import Linnworks
import Support
@testable import Sandbox

/// The socket server: routing, malformed input, limits, keep-alive, sessions.
@Suite struct HTTPServerTests {
    @Test func unknownRouteIs404WithTheASPNetBody() async throws {
        let fixture = try SandboxFixture()
        defer { fixture.server.stop() }
        let reply = try await fixture.send("GET", "/api/Stock/NoSuchMethod")
        #expect(reply.status == 404)
        let message = (reply.json as? [String: Any])?["Message"] as? String ?? ""
        #expect(message.hasPrefix("No HTTP resource was found that matches the request URI '"))
        #expect(try await fixture.send("GET", "/Stock/SetStockLevel").status == 404, "a path without /api is 404")
    }

    @Test func missingWrongOrExpiredSessionIs401TokenIsWrong() async throws {
        let fixture = try SandboxFixture { $0.sessionIdleTimeout = .seconds(2) }
        defer { fixture.server.stop() }
        for token in [nil, "not-a-token", UUID().uuidString] {
            let reply = try await fixture.send("GET", "/api/Inventory/GetStockLocations", token: token)
            #expect(reply.status == 401)
            #expect(reply.text == #"{"Code":"-","Message":"Token is wrong."}"#)
        }
        let token = try await fixture.authorize()
        #expect(try await fixture.send("GET", "/api/Inventory/GetStockLocations", token: token).status == 200)
        try await Task.sleep(for: .seconds(4))
        #expect(try await fixture.send("GET", "/api/Inventory/GetStockLocations", token: token).status == 401,
                "a session idle longer than the timeout is refused")
    }

    @Test func wrongCredentialsAtAuthorizationAre401() async throws {
        let fixture = try SandboxFixture()
        defer { fixture.server.stop() }
        let body = #"{"ApplicationId":"\#(SandboxDefaults.applicationID)","ApplicationSecret":"\#(UUID().uuidString)","Token":"\#(SandboxDefaults.installationToken)"}"#
        let reply = try await fixture.send("POST", "/api/Auth/AuthorizeByApplication", body: body, contentType: "application/json")
        #expect(reply.status == 401)
        #expect((reply.json as? [String: Any])?["Message"] is String)
    }

    @Test func legacyAuthorizationFormFieldsAreAccepted() async throws {
        let fixture = try SandboxFixture()
        defer { fixture.server.stop() }
        let body = "applicationId=\(SandboxDefaults.applicationID)&applicationSecret=\(SandboxDefaults.applicationSecret)&token=\(SandboxDefaults.installationToken)"
        let reply = try await fixture.send("POST", "/api/Auth/AuthorizeByApplication", body: body)
        #expect(reply.status == 200)
        #expect((reply.json as? [String: Any])?["Server"] as? String == fixture.server.baseURL)
    }

    @Test func malformedRequestsGet400AndTheServerLivesOn() async throws {
        let fixture = try SandboxFixture()
        defer { fixture.server.stop() }
        let garbage: [[UInt8]] = [
            Array("HELLO\r\n\r\n".utf8),
            Array("GET nopath HTTP/1.1\r\n\r\n".utf8),
            Array("GET / HTTP/1.1\r\nno-colon-here\r\n\r\n".utf8),
            Array("POST /api/Stock/SetStockLevel HTTP/1.1\r\nContent-Length: abc\r\n\r\n".utf8),
            [0xFF, 0xFE, 0x00, 0x0D, 0x0A, 0x0D, 0x0A],
        ]
        for bytes in garbage {
            let answer = fixture.raw(bytes)
            #expect(answer.hasPrefix("HTTP/1.1 400"), "\(answer.prefix(40))")
        }
        let chunked = fixture.raw(Array("POST /api/Stock/SetStockLevel HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n".utf8))
        #expect(chunked.hasPrefix("HTTP/1.1 501"))
        let huge = fixture.raw(Array("POST /api/Stock/SetStockLevel HTTP/1.1\r\nContent-Length: 10485761\r\n\r\n".utf8))
        #expect(huge.hasPrefix("HTTP/1.1 413"))
        let badJSON = try await fixture.send("POST", "/api/Auth/AuthorizeByApplication", body: "{not json", contentType: "application/json")
        #expect(badJSON.status == 400)
        #expect(try await fixture.send("GET", "/sandbox/counters").status == 200, "still serving")
    }

    @Test func keepAliveServesSeveralRequestsOnOneConnection() async throws {
        let fixture = try SandboxFixture()
        defer { fixture.server.stop() }
        let one = "GET /sandbox/counters HTTP/1.1\r\nHost: x\r\n\r\n"
        let last = "GET /sandbox/counters HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
        let answer = fixture.raw(Array((one + one + last).utf8))
        #expect(answer.components(separatedBy: "HTTP/1.1 200 OK").count - 1 == 3)
        #expect(answer.contains("Connection: keep-alive"))
        #expect(answer.contains("Connection: close"))
    }

    @Test func manyConcurrentConnectionsAreServed() async throws {
        let fixture = try SandboxFixture()
        defer { fixture.server.stop() }
        let token = try await fixture.authorize()
        try await withThrowingTaskGroup(of: Int.self) { group in
            for _ in 0..<64 {
                group.addTask { try await fixture.send("GET", "/api/OpenOrders/GetIdentifiers", token: token).status }
            }
            for try await status in group { #expect(status == 200) }
        }
    }

    @Test func stateAndCountersNeedNoSession() async throws {
        let fixture = try SandboxFixture()
        defer { fixture.server.stop() }
        let token = try await fixture.authorize()
        _ = try await fixture.send("GET", "/api/Inventory/GetStockLocations", token: token)
        let state = try await fixture.send("GET", "/sandbox/state")
        #expect(state.status == 200)
        let snapshot = try JSONDecoder().decode(SandboxSnapshot.self, from: state.body)
        #expect(snapshot == fixture.server.snapshot())
        #expect(snapshot.level(sku: "MUG-BLU-01", location: "3PL Warehouse") != nil)
        let counters = try JSONDecoder().decode(SandboxCounters.self, from: try await fixture.send("GET", "/sandbox/counters").body)
        #expect(counters.calls(.getStockLocations) == 1)
        #expect(counters.authorizations == 1)
    }

    @Test func callLogIsWrittenAsJSONLinesWithoutSecrets() async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("sandbox-log-\(UUID().uuidString).jsonl").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let fixture = try SandboxFixture { $0.logPath = path }
        let token = try await fixture.authorize()
        _ = try await fixture.send("GET", "/api/Inventory/GetStockLocations", token: token)
        _ = try await fixture.send("POST", "/api/Auth/AuthorizeByApplication",
                                   body: "applicationId=\(SandboxDefaults.applicationID)&applicationSecret=\(SandboxDefaults.applicationSecret)&token=\(SandboxDefaults.installationToken)")
        fixture.server.stop()
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let lines = text.split(separator: "\n")
        #expect(lines.count == 3)
        for line in lines {
            let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
            #expect(object?["status"] as? Int == 200)
            #expect(object?["endpoint"] is String)
        }
        for secret in [SandboxDefaults.applicationSecret, SandboxDefaults.installationToken, token] {
            #expect(!text.contains(secret))
            #expect(!fixture.server.callRecords().contains { $0.jsonLine.contains(secret) })
        }
    }
}

/// Hostile bytes never bring the server down.
@Suite struct HTTPFuzzTests {
    @Test func randomGarbageNeverStopsTheServer() async throws {
        let fixture = try SandboxFixture()
        defer { fixture.server.stop() }
        var random = SplitMix64(seed: 42)
        let pieces = ["GET ", "POST ", "/api/", "Stock/SetStockLevel", " HTTP/1.1", "\r\n", ":", "Content-Length: ",
                      "-1", "99999999999999999999", "5", "Transfer-Encoding: x", "Authorization: ", "\u{0}", "é", "%zz",
                      "stockLevels=", "[{", "\"SKU\"", "}", "{", "request=", "\r\n\r\n"]
        for _ in 0..<150 {
            var text = ""
            for _ in 0..<(1 + Int(random.next() % 24)) { text += pieces[Int(random.next() % UInt64(pieces.count))] }
            var bytes = Array(text.utf8)
            for _ in 0..<Int(random.next() % 4) { bytes.append(UInt8(truncatingIfNeeded: random.next())) }
            bytes += Array("\r\n\r\n".utf8)
            _ = fixture.raw(bytes, timeout: 2)
        }
        let token = try await fixture.authorize()
        #expect(try await fixture.send("GET", "/api/Inventory/GetStockLocations", token: token).status == 200)
    }
}
