import Bridge
/// Walks the command tree, prints help and usage, and runs the chosen command.
///
/// Three outcomes, as swift-argument-parser has them: help and `--version` on stdout with 0;
/// a usage error on stderr with the usage and 64; anything else is the command's own status.
enum CommandLineInterface {
    static let version = "0.1.0"

    static func run(_ arguments: [String], context: Context) async -> ExitStatus {
        var node = CommandTree.root
        var path = ["linnbridge"]
        var rest = arguments

        if rest.first == "--version" {
            context.standardOutput("linnbridge \(version)\n")
            return .ok
        }
        if rest.first == "help" {
            rest.removeFirst()
            var target = node
            var targetPath = path
            for name in rest {
                guard let sub = target.subcommands.first(where: { $0.name == name }) else {
                    return usageError("Unknown command '\(name)'", command: target, path: targetPath, context: context)
                }
                target = sub
                targetPath.append(name)
            }
            context.standardOutput(HelpFormatter.help(for: target, path: targetPath))
            return .ok
        }
        while let first = rest.first, let sub = node.subcommands.first(where: { $0.name == first }) {
            node = sub
            path.append(first)
            rest.removeFirst()
        }
        if rest.contains("--help") || rest.contains("-h") || (node.run == nil && rest.isEmpty) {
            context.standardOutput(HelpFormatter.help(for: node, path: path))
            return .ok
        }
        guard let run = node.run else {
            let word = rest.first ?? ""
            return usageError(word.hasPrefix("-") ? "Unknown option '\(word)'" : "Unknown command '\(word)'",
                              command: node, path: path, context: context)
        }
        do throws(UsageError) {
            let parsed = try ArgumentParser.parse(rest, for: node)
            try node.validate(parsed)
            return await run(parsed, context)
        } catch {
            return usageError(error.message, command: node, path: path, context: context)
        }
    }

    static func usageError(_ message: String, command: Command, path: [String], context: Context) -> ExitStatus {
        context.standardError("""
        Error: \(message)
        Usage: \(HelpFormatter.usage(for: command, path: path))
          See '\(path.count > 1 ? "linnbridge help \(path.dropFirst().joined(separator: " "))" : "linnbridge --help")'.

        """)
        return .usage
    }
}
