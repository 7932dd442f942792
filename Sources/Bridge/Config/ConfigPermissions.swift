#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// Who else can change the config file, or the folders LinnBridge trusts beside it.
///
/// Exists because 3PL users may write the inboxes but never the drop root (the README, "Config file"):
/// whoever can write `linnbridge.json`, or replace it in its folder, could point `authUrl` or a
/// webhook at their own server and collect the credentials; whoever can write `.state/` can forge
/// journals and claims. So a config file writable by group or others, a config whose own folder is
/// writable by group or others without the sticky bit, and such a `.state/` are refused (78). Only
/// the file's own folder is checked, not the folders above it (`/tmp`, sticky, is fine).
public enum ConfigPermissions {
    static let groupOrOtherWrite: mode_t = 0o022
    static let groupOrOtherRead: mode_t = 0o044
    static let sticky: mode_t = 0o1000

    /// Refuses a config file at `path` that others could change; a path that cannot be stat'ed is
    /// left to the read that follows (it names the path and the reason).
    static func checkConfigFile(_ path: String) throws(ConfigError) {
        guard let mode = self.mode(path) else { return }
        if mode & groupOrOtherWrite != 0 {
            throw ConfigError(source: path, message: "can be written by group or others (mode \(octal(mode))), so they could point "
                + "authUrl or a webhook at their own server; run chmod go-w \(shellQuoted(path))")
        }
        var folders = [folder(of: path)]
        // A link's own folder decides who can swap the link; the target's folder who can swap the file.
        var info = stat()
        if lstat(path, &info) == 0, info.st_mode & S_IFMT == S_IFLNK, let resolved = realpath(path, nil) {
            let target = String(cString: resolved)
            free(resolved)
            if !folders.contains(folder(of: target)) { folders.append(folder(of: target)) }
        }
        for folder in folders {
            try checkFolder(folder, source: path, what: "its folder \(folder)")
        }
    }

    /// Refuses a `.state/` folder others could write without the sticky bit; a missing one is fine
    /// (it is created with the process's umask).
    public static func checkStateFolder(_ path: String) throws(ConfigError) {
        try checkFolder(path, source: path, what: "this folder")
    }

    /// A warning for a config file holding a secret that group or others can read, or nil.
    public static func readableSecretWarning(_ path: String) -> (mode: String, hint: String)? {
        guard let mode = self.mode(path), mode & groupOrOtherRead != 0 else { return nil }
        return (octal(mode), "it holds a Linnworks secret; run chmod go-r \(shellQuoted(path))")
    }

    private static func checkFolder(_ folder: String, source: String, what: String) throws(ConfigError) {
        guard let mode = self.mode(folder), mode & groupOrOtherWrite != 0, mode & sticky == 0 else { return }
        throw ConfigError(source: source, message: "\(what) can be written by group or others without the sticky bit "
            + "(mode \(octal(mode))), so they could replace what LinnBridge trusts there; run chmod go-w \(shellQuoted(folder))")
    }

    private static func mode(_ path: String) -> mode_t? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return info.st_mode & 0o7777
    }

    static func folder(of path: String) -> String {
        let folder = (path as NSString).deletingLastPathComponent
        return folder.isEmpty ? "." : folder
    }

    static func octal(_ mode: mode_t) -> String {
        let digits = String(mode, radix: 8)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }

    /// `path` as a shell word, quoted only when it needs to be.
    static func shellQuoted(_ path: String) -> String {
        let plain = path.unicodeScalars.allSatisfy { CharacterSet.alphanumerics.contains($0) || "/._-+,:@".unicodeScalars.contains($0) }
        return plain && !path.isEmpty ? path : "'" + path.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
