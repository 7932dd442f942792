#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import Support

extension BridgeConfig {
    /// Larger than any plausible configuration; a bigger file is almost certainly the wrong file.
    static let maximumFileSize = 1 << 20

    /// Reads and checks the file at `path`; a missing or unreadable file is an error naming the path,
    /// and so is a file others could change (see `ConfigPermissions`). Use this for a file the user
    /// named with `--config`.
    public static func load(path: String) throws(ConfigError) -> BridgeConfig {
        try ConfigPermissions.checkConfigFile(path)
        let data: Data
        do {
            data = try readFile(path)
        } catch {
            throw ConfigError(source: path, message: "cannot be read: \(String(cString: strerror(error.errno)))")
        }
        return try parse(data, source: path)
    }

    /// Like `load`, but a file that does not exist gives the defaults: for the implicit
    /// `linnbridge.json` in the drop root, which is optional.
    public static func loadIfPresent(path: String) throws(ConfigError) -> BridgeConfig {
        if access(path, F_OK) != 0 && errno == ENOENT { return BridgeConfig() }
        return try load(path: path)
    }

    /// Checks JSON text; `source` names it in errors (normally the file's path).
    static func parse(_ data: Data, source: String) throws(ConfigError) -> BridgeConfig {
        var data = data
        if data.starts(with: [0xEF, 0xBB, 0xBF]) { data = data.dropFirst(3) }  // Notepad's BOM
        if data.allSatisfy({ [0x20, 0x09, 0x0A, 0x0D].contains($0) }) {
            throw ConfigError(source: source, message: "is empty; write {} to use every default")
        }
        let json: Any
        do {
            json = try JSONSerialization.jsonObject(with: Data(data), options: [.fragmentsAllowed])
        } catch {
            throw ConfigError(source: source, message: invalidJSONMessage(error, data: Data(data)))
        }
        let top = ConfigValue(raw: json, keyPath: "", source: source)
        guard let entries = json as? [String: Any] else {
            throw ConfigError(source: source, message: "expected a JSON object at the top level, found \(top.found)")
        }
        return try BridgeConfig(reading: ConfigObject(entries: entries, keyPath: "", source: source))
    }

    private static func readFile(_ path: String) throws(SystemError) -> Data {
        let file = try ReadableFile(path: path)
        var data = Data()
        // Allocated by hand: `withUnsafeMutableBytes` rethrows untyped errors.
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 64 * 1024, alignment: 1)
        defer { buffer.deallocate() }
        while true {
            let count = try file.read(into: buffer)
            if count == 0 { return data }
            data.append(contentsOf: buffer[0..<count])
            if data.count > maximumFileSize { throw SystemError(call: "read", errno: EFBIG, path: path) }
        }
    }

    /// Turns `JSONSerialization`'s "… around character N." into a line and column. Its descriptions
    /// carry no content, but anything quoted is dropped anyway so no part of a secret can leak.
    static func invalidJSONMessage(_ error: any Error, data: Data) -> String {
        let description = ((error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String) ?? ""
        if description.localizedCaseInsensitiveContains("end of file") {
            return "not valid JSON: it ends too early (an unclosed string, list or object?)"
        }
        var reason = description
        var location = ""
        if let range = description.range(of: " around character ") {
            reason = String(description[..<range.lowerBound])
            let digits = description[range.upperBound...].prefix(while: \.isNumber)
            if let offset = Int(digits) {
                let (line, column) = lineAndColumn(ofByte: offset, in: data)
                location = " at line \(line), column \(column)"
            }
        }
        reason = reason.split(separator: "'", omittingEmptySubsequences: false)
            .enumerated().filter { $0.offset % 2 == 0 }.map(\.element).joined()
            .trimmingCharacters(in: CharacterSet(charactersIn: " ."))
        if reason.isEmpty { return "not valid JSON\(location)" }
        return "not valid JSON\(location): \(reason.prefix(1).lowercased() + reason.dropFirst())"
    }

    /// 1-based line and column (in characters) of a byte offset.
    static func lineAndColumn(ofByte offset: Int, in data: Data) -> (line: Int, column: Int) {
        let bytes = [UInt8](data.prefix(max(0, offset)))
        let line = bytes.reduce(1) { $1 == 0x0A ? $0 + 1 : $0 }
        let lineStart = (bytes.lastIndex(of: 0x0A).map { $0 + 1 }) ?? 0
        let column = String(decoding: bytes[lineStart...], as: UTF8.self).count + 1
        return (line, column)
    }
}
