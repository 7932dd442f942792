#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A file name exactly as the file system holds it: bytes, not necessarily UTF-8.
///
/// Exists because a 3PL's Windows SFTP client can upload `Bestand_März.csv` in Latin-1, and a
/// `String` made from such a name is repaired (U+FFFD), so it no longer names the file: every
/// call on an inbox entry goes through these bytes, and people see `displayName` instead.
public struct RawFileName: Sendable, Hashable, Comparable {
    public let bytes: [UInt8]

    public init(bytes: [UInt8]) { self.bytes = bytes }
    public init(_ name: String) { bytes = Array(name.utf8) }

    /// The name for logs, reports and the files LinnBridge writes: the name itself when it is
    /// UTF-8 without control characters, else each offending byte as `%XX` (and `%` itself as `%25`).
    public var displayName: String {
        if let text = String(validating: bytes, as: UTF8.self), !text.unicodeScalars.contains(where: Self.needsEscape) {
            return text
        }
        var out = ""
        var index = 0
        while index < bytes.count {
            let length = Self.validScalarLength(bytes, at: index)
            if length > 0, let text = String(validating: bytes[index..<index + length], as: UTF8.self),
               let scalar = text.unicodeScalars.first, !Self.needsEscape(scalar) {
                out += text
                index += length
            } else {
                out += "%" + (bytes[index] < 16 ? "0" : "") + String(bytes[index], radix: 16, uppercase: true)
                index += 1
            }
        }
        return out
    }

    /// Whether the name is valid UTF-8 (and so a `String` path names the file).
    public var isUTF8: Bool { String(validating: bytes, as: UTF8.self) != nil }

    /// The lowercased extension after the last dot, ASCII only ("" when none).
    public var lowercasedExtension: String {
        guard let dot = bytes.lastIndex(of: UInt8(ascii: ".")) else { return "" }
        return String(decoding: bytes[(dot + 1)...], as: UTF8.self).lowercased()
    }

    public static func < (a: RawFileName, b: RawFileName) -> Bool { a.bytes.lexicographicallyPrecedes(b.bytes) }

    private static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || scalar.value == 0x7F || (0x80..<0xA0).contains(scalar.value) || scalar == "%"
    }

    /// The length of the UTF-8 scalar starting at `index`, or 0 when the bytes there are not one.
    private static func validScalarLength(_ bytes: [UInt8], at index: Int) -> Int {
        let lead = bytes[index]
        let length = lead < 0x80 ? 1 : lead >> 5 == 0b110 ? 2 : lead >> 4 == 0b1110 ? 3 : lead >> 3 == 0b11110 ? 4 : 0
        guard length > 0, index + length <= bytes.count else { return 0 }
        for next in bytes[(index + 1)..<(index + length)] where next >> 6 != 0b10 { return 0 }
        return length
    }
}

/// A folder's entries as raw names, from `readdir` (`.` and `..` left out).
///
/// Exists because `FileManager.contentsOfDirectory` returns `String`s, which lose names that are
/// not UTF-8: such a file would wait in the inbox unseen for ever.
public func directoryEntries(_ path: String) throws(SystemError) -> [RawFileName] {
    guard let directory = opendir(path) else { throw SystemError(call: "opendir", errno: currentErrno(), path: path) }
    defer { closedir(directory) }
    var names: [RawFileName] = []
    while let entry = readdir(directory) {
        let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in Array(raw.prefix { $0 != 0 }) }
        if name == [0x2E] || name == [0x2E, 0x2E] { continue }
        names.append(RawFileName(bytes: name))
    }
    return names
}

/// `folder/name` as a NUL-terminated byte path, for system calls on names that are not UTF-8.
public func withRawPath<R>(_ folder: String, _ name: RawFileName, _ body: (UnsafePointer<CChar>) -> R) -> R {
    var path = Array(folder.utf8) + [UInt8(ascii: "/")] + name.bytes + [0]
    return path.withUnsafeMutableBufferPointer { buffer in
        buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) { body($0) }
    }
}

/// `lstat` of `folder/name`: the entry itself, never what a link points to.
public func linkStatus(_ folder: String, _ name: RawFileName) -> stat? {
    var info = stat()
    return withRawPath(folder, name) { lstat($0, &info) } == 0 ? info : nil
}

/// `stat` of `folder/name`, following a link.
public func fileStatus(_ folder: String, _ name: RawFileName) -> stat? {
    var info = stat()
    return withRawPath(folder, name) { stat($0, &info) } == 0 ? info : nil
}

/// Renames `folder/name` to `destination`; false (with `errno` set) when it failed.
public func renameRaw(_ folder: String, _ name: RawFileName, to destination: String) -> Bool {
    withRawPath(folder, name) { rename($0, destination) } == 0
}
