#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

@_silgen_name("renameat2")
private func c_renameat2(_ oldDirectory: Int32, _ oldPath: UnsafePointer<CChar>, _ newDirectory: Int32,
                         _ newPath: UnsafePointer<CChar>, _ flags: UInt32) -> Int32

/// Moving a file into a folder under a name that is free at that instant: `name`, else `stem-2.ext`,
/// `stem-3.ext`… (then the suffix), never replacing anything, and never longer than NAME_MAX.
///
/// Exists because a name checked free and then renamed onto can be taken in between: a stock file and
/// a shipment file both called `stock.csv`, processed side by side, overwrote each other's report.
/// The choice happens in the rename itself (`renameat2(RENAME_NOREPLACE)`, or `link` + `unlink` where
/// the file system lacks it), so two writers can never land on one name.
public enum NoReplace {
    /// The longest file name Linux file systems take, in bytes.
    public static let nameMax = 255

    /// Renames `source` to `directory/<name>[-N]<suffix>`; returns the path used.
    public static func move(_ source: String, toDirectory directory: String, name: String,
                            suffix: String = "") throws(SystemError) -> String {
        var counter = 1
        while true {
            let candidate = directory + "/" + fittedName(name, counter: counter, suffix: suffix)
            switch attempt(source, candidate) {
            case 0: return candidate
            case EEXIST, ENOTEMPTY: counter += 1
            case let code: throw SystemError(call: "rename", errno: code, path: candidate)
            }
            if counter > 100_000 { throw SystemError(call: "rename", errno: EEXIST, path: candidate) }
        }
    }

    /// `name` with `-N` before its extension when `counter` > 1, then `suffix`, cut (at a UTF-8
    /// boundary, keeping the extension) so the whole is at most `nameMax` bytes.
    public static func fittedName(_ name: String, counter: Int = 1, suffix: String = "") -> String {
        let dot = name.lastIndex(of: ".").flatMap { $0 == name.startIndex ? nil : $0 }
        var stem = dot.map { String(name[..<$0]) } ?? name
        var ext = dot.map { String(name[$0...]) } ?? ""
        if ext.utf8.count > 32 { stem += ext; ext = "" }
        let tail = (counter > 1 ? "-\(counter)" : "") + ext + suffix
        let room = max(1, nameMax - tail.utf8.count)
        while stem.utf8.count > room { stem.removeLast() }
        return stem + tail
    }

    /// 0 on success, else the errno (EEXIST when the name is taken).
    private static func attempt(_ source: String, _ destination: String) -> Int32 {
        let renameNoReplace: UInt32 = 1
        if c_renameat2(AT_FDCWD, source, AT_FDCWD, destination, renameNoReplace) == 0 { return 0 }
        let code = currentErrno()
        guard code == EINVAL || code == ENOSYS || code == ENOTSUP else { return code }
        // No RENAME_NOREPLACE here (some network file systems): a hard link fails on a taken name.
        if link(source, destination) == 0 {
            unlink(source)
            return 0
        }
        let linkCode = currentErrno()
        guard linkCode == EPERM || linkCode == EXDEV || linkCode == ENOTSUP else { return linkCode }
        // Folders and file systems without hard links: check, then rename (a narrow window, the best left).
        if access(destination, F_OK) == 0 { return EEXIST }
        return rename(source, destination) == 0 ? 0 : currentErrno()
    }
}
