/// Splits arguments into flags, options and positional arguments for one command.
///
/// Accepts `--opt value`, `--opt=value` and `--` (everything after it is positional, so a file
/// called `-stock.csv` can still be named).
enum ArgumentParser {
    static func parse(_ arguments: [String], for command: Command) throws(UsageError) -> ParsedArguments {
        let specs = command.options + CommonOptions.all
        var parsed = ParsedArguments()
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            index += 1
            if argument == "--" {
                parsed.arguments += arguments[index...]
                break
            }
            guard argument.hasPrefix("-"), argument.count > 1 else {
                parsed.arguments.append(argument)
                continue
            }
            var name = String(argument.drop { $0 == "-" })
            var inlineValue: String?
            if let equals = name.firstIndex(of: "=") {
                inlineValue = String(name[name.index(after: equals)...])
                name = String(name[..<equals])
            }
            guard let spec = specs.first(where: { $0.name == name }) else {
                throw UsageError(message: "Unknown option '\(argument)'")
            }
            guard spec.value != nil else {
                if inlineValue != nil { throw UsageError(message: "'--\(name)' takes no value") }
                parsed.flags.insert(name)
                continue
            }
            let value: String
            if let inlineValue {
                value = inlineValue
            } else if index < arguments.count {
                value = arguments[index]
                index += 1
            } else {
                throw UsageError(message: "Missing value for '--\(name) \(spec.value!)'")
            }
            if let allowed = spec.allowed, !allowed.contains(value) {
                throw UsageError(message: "'--\(name)' must be one of \(allowed.joined(separator: ", ")), not '\(value)'")
            }
            parsed.options[name] = value
        }
        return parsed
    }
}
