/// A refusal the sandbox answers with a Linnworks-shaped error body.
///
/// Exists so every handler fails the same way real Linnworks does (Documentation/LinnworksAPI.md §11): the status
/// and `{"Code","Message"}` body, never a secret or a parameter's value in the message.
struct APIFailure: Error, Sendable {
    var status: Int
    var body: JSONValue

    static func message(_ status: Int, _ text: String, code: String? = "-") -> APIFailure {
        APIFailure(status: status, body: .object([("Code", code.map(JSONValue.string) ?? .null),
                                                  ("Message", .string(text))]))
    }

    static func invalidParameter(_ name: String) -> APIFailure {
        message(400, "Parameter '\(name)' has invalid value")
    }

    static let tokenWrong = message(401, "Token is wrong.")

    static func notFound(_ url: String) -> APIFailure {
        APIFailure(status: 404, body: .object([("Message", .string(
            "No HTTP resource was found that matches the request URI '\(url)'."))]))
    }

    static let tooManyRequests = message(429, "Too many requests", code: "429")

    static let internalError = message(500, "An internal error occurred. Please contact Linnworks support")

    var response: HTTPResponse { .json(status, body) }
}
