import Foundation
import Support

/// One value from the parsed JSON, with the key path it was found at.
///
/// Exists so each settings type reads its fields in one line (`try value.wholeNumber(in: 1...1000)`)
/// while every mismatch becomes a `ConfigError` naming the key, what was expected and what was found.
/// `JSONSerialization` hands out untyped values (and booleans that also pass as numbers); this is the
/// one place that tells them apart. A value marked secret is described by its type only, never echoed.
struct ConfigValue {
    let raw: Any
    let keyPath: String
    let source: String
    var isSecret = false

    func error(_ message: String) -> ConfigError {
        ConfigError(source: source, keyPath: keyPath, message: message)
    }

    /// "expected `what`, found `…`".
    func mismatch(_ what: String) -> ConfigError {
        error("expected \(what), found \(found)")
    }

    var isNull: Bool { raw is NSNull }

    /// How the value appears in messages: strings quoted (and shortened), numbers as written.
    var found: String {
        if isNull { return "null" }
        if let string = raw as? String {
            if isSecret { return "a string" }
            let shown = string.count > 40 ? String(string.prefix(40)) + "…" : string
            return ConfigValue.quoted(shown)
        }
        if let flag = boolean { return isSecret ? "true or false" : String(flag) }
        if let number = raw as? NSNumber {
            if isSecret { return "a number" }
            let double = number.doubleValue
            if let whole = Int(exactly: double) { return String(whole) }
            return String(double)
        }
        if raw is [Any] { return "a list" }
        if raw is [String: Any] { return "an object" }
        return "an unsupported value"
    }

    /// JSON `true`/`false` only: an `NSNumber` from `JSONSerialization` also casts to `Bool` when it is 0 or 1.
    private var boolean: Bool? {
        guard let number = raw as? NSNumber, String(cString: number.objCType) == "c" else { return nil }
        return number.boolValue
    }

    /// A JSON number that is not `true`/`false`, as a finite `Double`.
    private var number: Double? {
        guard boolean == nil, let number = raw as? NSNumber else { return nil }
        let double = number.doubleValue
        return double.isFinite ? double : nil
    }

    func bool() throws(ConfigError) -> Bool {
        guard let flag = boolean else { throw mismatch("true or false") }
        return flag
    }

    /// A string; empty only when `allowEmpty` says so, since an empty name or tag is always a mistake.
    func string(allowEmpty: Bool = false) throws(ConfigError) -> String {
        guard let string = raw as? String else { throw mismatch("a string") }
        if !allowEmpty && string.trimmingCharacters(in: .whitespaces).isEmpty { throw mismatch("a non-empty string") }
        return string
    }

    func wholeNumber(in range: ClosedRange<Int>) throws(ConfigError) -> Int {
        let expected = "a whole number from \(range.lowerBound) to \(range.upperBound)"
        guard let double = number, let whole = Int(exactly: double), range.contains(whole) else {
            throw mismatch(expected)
        }
        return whole
    }

    /// A whole number of seconds of at least `minimum` and at most `maximum` (7 days unless told);
    /// `null` is allowed and means "not scheduled".
    func wholeSecondsOrNull(atLeast minimum: Int, atMost maximum: Double = DurationLimit.maximumSeconds) throws(ConfigError) -> Int? {
        if isNull { return nil }
        try rejectAbove(maximum)
        guard let double = number, let whole = Int(exactly: double), whole >= minimum else {
            throw mismatch("a whole number of seconds, at least \(minimum), or null")
        }
        return whole
    }

    /// A number of seconds of at least `minimum` (or above it, when `minimum` itself is excluded), and
    /// at most `maximum` (7 days unless told), so no interval is infinite or absurd.
    func seconds(atLeast minimum: Double, excludingMinimum: Bool = false,
                 atMost maximum: Double = DurationLimit.maximumSeconds) throws(ConfigError) -> Double {
        try rejectAbove(maximum)
        let bound = excludingMinimum ? "greater than \(Self.plain(minimum))" : "of \(Self.plain(minimum)) or more"
        guard let double = number, excludingMinimum ? double > minimum : double >= minimum else {
            throw mismatch("a number of seconds \(bound)")
        }
        return double
    }

    /// A number over `maximum` seconds, or one that is not finite, names the bound it broke.
    private func rejectAbove(_ maximum: Double) throws(ConfigError) {
        guard boolean == nil, let value = (raw as? NSNumber)?.doubleValue else { return }
        if !value.isFinite || value > maximum {
            let limit = maximum == DurationLimit.maximumSeconds ? DurationLimit.described : Self.plain(maximum)
            throw mismatch("a number of seconds of at most \(limit)")
        }
    }

    /// A list of non-empty strings, each checked under its own index (`shipments.locations[1]`).
    func stringList(allowDuplicates: Bool = true) throws(ConfigError) -> [String] {
        guard let items = raw as? [Any] else { throw mismatch("a list of strings") }
        var strings: [String] = []
        for (index, item) in items.enumerated() {
            let element = ConfigValue(raw: item, keyPath: "\(keyPath)[\(index)]", source: source, isSecret: isSecret)
            let string = try element.string()
            if !allowDuplicates && strings.contains(string) {
                throw element.error("\(ConfigValue.quoted(string)) is listed twice")
            }
            strings.append(string)
        }
        return strings
    }

    /// One of a fixed set of spellings, suggesting the closest on a typo.
    func choice(_ choices: [String]) throws(ConfigError) -> String {
        let string = try string(allowEmpty: true)
        if choices.contains(string) { return string }
        let listed = choices.map(ConfigValue.quoted)
        let expected = listed.count == 2 ? "\(listed[0]) or \(listed[1])" : "one of \(listed.joined(separator: ", "))"
        var message = "expected \(expected), found \(found)"
        if let suggestion = ClosestMatch.suggestion(for: string, among: choices) {
            message += " (did you mean \(ConfigValue.quoted(suggestion))?)"
        }
        throw error(message)
    }

    func object() throws(ConfigError) -> ConfigObject {
        guard let entries = raw as? [String: Any] else { throw mismatch("an object") }
        return ConfigObject(entries: entries, keyPath: keyPath, source: source)
    }

    /// `text` as a JSON string literal, so odd characters in a value or key are visible in messages.
    static func quoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\t": result += "\\t"
            default:
                if scalar.value < 0x20 { result += "\\u" + String(repeating: "0", count: 4 - String(scalar.value, radix: 16).count) + String(scalar.value, radix: 16) }
                else { result.unicodeScalars.append(scalar) }
            }
        }
        return result + "\""
    }

    private static func plain(_ value: Double) -> String {
        if let whole = Int(exactly: value) { return String(whole) }
        return String(value)
    }
}
