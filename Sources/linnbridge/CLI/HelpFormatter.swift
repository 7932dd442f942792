/// Help text generated from the command tree: OVERVIEW, USAGE, OPTIONS, SUBCOMMANDS.
enum HelpFormatter {
    static func help(for command: Command, path: [String]) -> String {
        var text = "OVERVIEW: \(command.abstract)\n"
        if !command.discussion.isEmpty { text += "\n\(command.discussion)\n" }
        text += "\nUSAGE: \(usage(for: command, path: path))\n"
        let options = command.options + (command.run != nil ? CommonOptions.all : [])
        if !options.isEmpty || command.subcommands.isEmpty {
            text += "\nOPTIONS:\n"
            for option in options {
                text += row("--\(option.name)\(option.value.map { " \($0)" } ?? "")", option.help)
            }
            text += row("-h, --help", "Show help information.")
            if path.count == 1 { text += row("--version", "Show the version.") }
        }
        if !command.subcommands.isEmpty {
            text += "\nSUBCOMMANDS:\n"
            for sub in command.subcommands { text += row(sub.name, sub.abstract) }
            text += "\n  See '\(path.joined(separator: " ")) help <subcommand>' for detailed help.\n"
        }
        return text
    }

    static func usage(for command: Command, path: [String]) -> String {
        let name = path.joined(separator: " ")
        if !command.usage.isEmpty { return "\(name) \(command.usage)" }
        return command.subcommands.isEmpty ? name : "\(name) <subcommand>"
    }

    private static func row(_ left: String, _ right: String) -> String {
        let padded = left.count < 26 ? left + String(repeating: " ", count: 26 - left.count) : left + "\n" + String(repeating: " ", count: 28)
        return "  \(padded)\(right)\n"
    }
}
