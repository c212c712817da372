import Foundation

/// Paths the user typed, checked before any work starts: a file that is not there,
/// a missing folder or a place that cannot be written is a usage error (exit 2)
/// that names the path and says what to do, never an "internal error" after the work.
enum UserPath {
    /// `path` must be an existing file; `what` names it in the message.
    static func existingFile(_ path: String, _ what: String, hint: String) throws {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw UsageFailure(message: "\(path): no such file (\(what)); \(hint)")
        }
        if isDirectory.boolValue { throw UsageFailure(message: "\(path) is a folder, not \(what); \(hint)") }
    }

    /// A new file may be written at `path`: its folder exists and is writable, and
    /// `path` is not a folder.
    static func writableFile(_ path: String, _ what: String) throws {
        let fm = FileManager.default
        var isDirectory: ObjCBool = false
        if fm.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
            throw UsageFailure(message: "\(path) is a folder: give a file name for \(what)")
        }
        let parent = (path as NSString).deletingLastPathComponent
        let folder = parent.isEmpty ? "." : parent
        guard fm.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw UsageFailure(
                message:
                    "\(path): the folder \(folder) does not exist; create it first (mkdir -p \(folder)) or choose another place for \(what)"
            )
        }
        guard fm.isWritableFile(atPath: folder) else {
            throw UsageFailure(message: "\(path): the folder \(folder) cannot be written; choose another place for \(what)")
        }
        if fm.fileExists(atPath: path) && !fm.isWritableFile(atPath: path) {
            throw UsageFailure(message: "\(path) cannot be written; choose another place for \(what)")
        }
    }
}
