import Foundation
import Support

extension DropFolder {
    /// Moves `source` into `folder` as `name` (or `-2`, `-3`… before its extension), then `suffix`;
    /// never replaces a file, never longer than NAME_MAX. Returns the path used.
    static func move(_ source: String, into folder: String, name: String, suffix: String = "") throws(SystemError) -> String {
        try NoReplace.move(source, toDirectory: folder, name: name, suffix: suffix)
    }

    /// Writes a small new file (a `.reason.txt`) into `folder` the same way: atomically, never replacing.
    static func publish(_ text: String, into folder: String, name: String, suffix: String) throws(SystemError) -> String {
        let file = try AtomicFile(destination: folder + "/.publish-" + String(getpid()) + ".tmp")
        try file.write(text)
        return try file.commit(into: folder, name: name, suffix: suffix)
    }
}
