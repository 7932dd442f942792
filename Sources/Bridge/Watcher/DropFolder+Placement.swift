import Foundation
import Support

// Interim: replaced by the no-replace publication when it lands.
extension DropFolder {
    static func move(_ source: String, into folder: String, name: String, suffix: String = "") throws(SystemError) -> String {
        let destination = freePath(in: folder, for: name, suffix: suffix)
        guard rename(source, destination) == 0 else { throw SystemError(call: "rename", errno: errno, path: destination) }
        return destination
    }

    static func publish(_ text: String, into folder: String, name: String, suffix: String) throws(SystemError) -> String {
        let destination = freePath(in: folder, for: name, suffix: suffix)
        let file = try AtomicFile(destination: destination)
        try file.write(text)
        try file.commit()
        return destination
    }
}
