import Support

/// One command's arguments against its options (and the common ones), as `ParsedArguments`.
///
/// The splitting is `CommandLineTokens`, shared with the sandbox; this adds the options' allowed values.
enum ArgumentParser {
    static func parse(_ arguments: [String], for command: Command) throws(UsageError) -> ParsedArguments {
        let specs = command.options + CommonOptions.all
        let tokens: CommandLineTokens
        do {
            tokens = try CommandLineTokens(arguments) { name in
                guard let spec = specs.first(where: { $0.name == name }) else { return (nil, false) }
                return (spec.value, true)
            }
        } catch {
            throw UsageError(message: error.message)
        }
        for (name, value) in tokens.options {
            if let allowed = specs.first(where: { $0.name == name })?.allowed, !allowed.contains(value) {
                throw UsageError(message: "'--\(name)' must be one of \(allowed.joined(separator: ", ")), not '\(value)'")
            }
        }
        return ParsedArguments(flags: tokens.flags, options: tokens.options, arguments: tokens.arguments)
    }
}
