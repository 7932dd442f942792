import Foundation
import Testing
import Support

@Suite struct RedactionTests {
    let token = Secret("9f3c2b7e-41d0-4a57-b1c2-6e8d0f1a2b3c")
    let secret = Secret("app-secret-XYZ")

    @Test func interpolatedSecretPrintsRedactedWithoutAnyWrapper() {
        let memory = MemoryLogHandler()
        Logger(handler: memory).info("session.opening", ["token": "\(token)"])
        #expect(memory.records.first?.metadata["token"] == "<redacted>")
    }

    @Test(arguments: LogFormat.allCases)
    func leakedSecretValuesNeverReachTheOutput(format: LogFormat) {
        let output = CapturedOutput()
        let logger = Logger(level: .debug, handler: format.makeHandler(write: output.write))
            .redacting([token, secret])
            .with("auth", token.reveal { "Bearer \($0)" })
        let leakedToken = token.reveal { $0 }
        let leakedSecret = secret.reveal { $0 }
        logger.debug("request token=\(leakedToken)", ["body": "secret=\(leakedSecret)&token=\(leakedToken)"])
        logger.error("failed", [leakedSecret: "value under a leaked key"])
        let text = output.all
        #expect(output.lines.count == 2)
        #expect(!text.contains(leakedToken))
        #expect(!text.contains(leakedSecret))
        #expect(!text.contains("9f3c2b7e"))
        #expect(text.contains("Bearer <redacted>"))
        #expect(text.contains("secret=<redacted>&token=<redacted>"))
    }

    @Test func aSecretContainingAnotherIsReplacedWhole() {
        let memory = MemoryLogHandler()
        let logger = Logger(handler: memory).redacting([Secret("abc"), Secret("abcdef")])
        logger.info("x abcdef y abc z")
        #expect(memory.messages == ["x <redacted> y <redacted> z"])
    }

    @Test func emptySecretsChangeNothing() {
        let memory = MemoryLogHandler()
        Logger(handler: memory).redacting([Secret("")]).info("plain text", ["k": "v"])
        #expect(memory.records.first?.message == "plain text")
        #expect(memory.records.first?.metadata == ["k": "v"])
    }

    @Test func redactingKeepsLevelAndMetadata() {
        let memory = MemoryLogHandler()
        let logger = Logger(level: .warning, handler: memory).with("feed", "stock").redacting([secret])
        logger.info("dropped")
        logger.warning("kept")
        #expect(memory.messages == ["kept"])
        #expect(memory.records.first?.metadata == ["feed": "stock"])
    }
}
