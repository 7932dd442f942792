/// Arguments split into flags, options and positional arguments, for any command of the package.
///
/// Exists so `linnbridge` and its sandbox read a command line the same way: `--opt value`,
/// `--opt=value`, and `--` (everything after it is positional, so a file called `-stock.csv`
/// can still be named). Which names exist and which take a value is the caller's to say.
public struct CommandLineTokens: Sendable, Equatable {
    public var flags: Set<String> = []
    public var options: [String: String] = [:]
    public var arguments: [String] = []

    /// A mistake in the command line, in the words shown to the user.
    public struct Mistake: Error, Sendable, Equatable {
        public var message: String
    }

    /// `takesValue(name)`: nil for an unknown name, else whether it takes a value (`placeholder`
    /// names it in the message for a missing value).
    public init(_ arguments: [String], takesValue: (String) -> (placeholder: String?, known: Bool)) throws(Mistake) {
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            index += 1
            if argument == "--" {
                self.arguments += arguments[index...]
                break
            }
            guard argument.hasPrefix("-"), argument.count > 1 else {
                self.arguments.append(argument)
                continue
            }
            var name = String(argument.drop { $0 == "-" })
            var inlineValue: String?
            if let equals = name.firstIndex(of: "=") {
                inlineValue = String(name[name.index(after: equals)...])
                name = String(name[..<equals])
            }
            let spec = takesValue(name)
            guard spec.known else { throw Mistake(message: "Unknown option '\(argument)'") }
            guard let placeholder = spec.placeholder else {
                if inlineValue != nil { throw Mistake(message: "'--\(name)' takes no value") }
                flags.insert(name)
                continue
            }
            if let inlineValue {
                options[name] = inlineValue
            } else if index < arguments.count {
                options[name] = arguments[index]
                index += 1
            } else {
                throw Mistake(message: "Missing value for '--\(name)\(placeholder.isEmpty ? "" : " " + placeholder)'")
            }
        }
    }
}
