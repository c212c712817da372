import Crypto
import Foundation

/// A folder evalrun may write a command's outputs into, checked before any work starts.
///
/// The rule (METHODS §9 *Output folders*): evalrun writes into a folder that does
/// not exist yet (or an empty one), or replaces a folder it wrote itself. It
/// recognises its own folders by the marker file `.evalrun-output`, which names
/// the command and lists every file it wrote with its SHA-256. A folder is
/// replaced only while it holds exactly those files, unchanged, and was written
/// by the same command: a file the user added, or a report the user edited and
/// saved, makes the folder theirs. The current folder and every folder above it
/// are never replaced. Nothing the user made is ever deleted.
public struct OutputFolder: Sendable, Equatable {
    /// The marker file's name.
    public static let markerName = ".evalrun-output"

    /// The folder as the user gave it (for messages).
    public let path: String
    /// The folder, absolute, with symbolic links of its existing part resolved.
    public let url: URL
    /// The command writing it (`report`, `compare`, `demo`, `template`, `synth`).
    public let command: String

    /// Claims `path` for `command`, or throws `OutputFolderRefusal` saying why not.
    /// `currentDirectory` is the folder the command runs in.
    public init(_ path: String, command: String, currentDirectory: String = FileManager.default.currentDirectoryPath) throws {
        self.path = path
        self.command = command
        let base = URL(fileURLWithPath: currentDirectory).standardizedFileURL.resolvingSymlinksInPath()
        url = Self.resolved(URL(fileURLWithPath: path, relativeTo: base).standardizedFileURL)
        if let reason = Self.refusal(of: url, command: command, currentDirectory: base) {
            throw OutputFolderRefusal(path: path, reason: reason)
        }
    }

    /// Writes `files` (relative path → bytes) and the marker, replacing the earlier
    /// output of this command (see `write(producing:)`).
    public func write(_ files: [(String, Data)]) throws {
        try write { staging in
            let fm = FileManager.default
            for (relative, data) in files {
                let file = staging.appendingPathComponent(relative)
                try fm.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
                try data.write(to: file)
            }
        }
    }

    /// Lets `produce` write the outputs into a staging folder beside the target, adds
    /// the marker (every file produced, with its SHA-256), then renames the staging
    /// folder into place, replacing the earlier output of this command (checked again
    /// just before). A failure leaves nothing behind and the target as it was.
    public func write(producing produce: (URL) throws -> Void) throws {
        let fm = FileManager.default
        if let reason = Self.refusal(of: url, command: command, currentDirectory: nil) {
            throw OutputFolderRefusal(path: path, reason: reason)
        }
        let parent = url.deletingLastPathComponent()
        let staging = parent.appendingPathComponent(".\(url.lastPathComponent).partial-\(getpid())")
        do {
            try fm.createDirectory(at: parent, withIntermediateDirectories: true)
            try? fm.removeItem(at: staging)
            try fm.createDirectory(at: staging, withIntermediateDirectories: true)
            try produce(staging)
            let written = OutputMarker.files(under: staging).filter { !$0.hasSuffix("/") }
            let marker = OutputMarker(
                command: command, files: try written.map { ($0, try OutputMarker.digest(file: staging.appendingPathComponent($0))) })
            try Data(marker.text.utf8).write(to: staging.appendingPathComponent(Self.markerName))
            if fm.fileExists(atPath: url.path) {
                let old = parent.appendingPathComponent(".\(url.lastPathComponent).old-\(getpid())")
                try? fm.removeItem(at: old)
                try fm.moveItem(at: url, to: old)
                try fm.moveItem(at: staging, to: url)
                try? fm.removeItem(at: old)
            } else {
                try fm.moveItem(at: staging, to: url)
            }
        } catch {
            try? fm.removeItem(at: staging)
            throw ReportWriteError(directory: path, underlying: "\(error)")
        }
    }

    /// `url` with the symbolic links of its longest existing ancestor resolved.
    static func resolved(_ url: URL) -> URL {
        var existing = url
        var rest: [String] = []
        while !FileManager.default.fileExists(atPath: existing.path) && existing.path != "/" {
            rest.insert(existing.lastPathComponent, at: 0)
            existing = existing.deletingLastPathComponent()
        }
        var result = existing.resolvingSymlinksInPath()
        for component in rest { result.appendPathComponent(component) }
        return result
    }

    /// Why `url` may not be written by `command`, or `nil` when it may.
    static func refusal(of url: URL, command: String, currentDirectory: URL?) -> OutputFolderRefusal.Reason? {
        let fm = FileManager.default
        let components = url.pathComponents
        if let currentDirectory {
            let here = currentDirectory.pathComponents
            if components == here { return .currentFolder }
            if here.starts(with: components) { return .holdsCurrentFolder }
        }
        var isDirectory: ObjCBool = false
        guard fm.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
            return unwritableAncestor(of: url).map { .unwritable($0) }
        }
        guard isDirectory.boolValue else { return .isAFile }
        guard fm.isWritableFile(atPath: url.deletingLastPathComponent().path) else {
            return .unwritable(url.deletingLastPathComponent().path)
        }
        let entries = OutputMarker.files(under: url)
        if entries.isEmpty { return nil }
        let project = entries.filter { ["evaluation.sqlite", "evalrun.toml"].contains(($0 as NSString).lastPathComponent) }
        if !project.isEmpty { return .projectFolder(project) }
        guard let markerData = fm.contents(atPath: url.appendingPathComponent(markerName).path),
            let marker = OutputMarker(text: String(decoding: markerData, as: UTF8.self))
        else {
            return .notWrittenByEvalrun(entries.filter { $0 != markerName })
        }
        if marker.command != command { return .otherCommand(marker.command) }
        let listed = Dictionary(marker.files.map { ($0.path, $0.digest) }, uniquingKeysWith: { a, _ in a })
        var foreign: [String] = []
        var changed: [String] = []
        for entry in entries where entry != markerName {
            guard let digest = listed[entry] else {
                foreign.append(entry)
                continue
            }
            let current = try? OutputMarker.digest(file: url.appendingPathComponent(entry))
            if current != digest { changed.append(entry) }
        }
        if !foreign.isEmpty { return .notWrittenByEvalrun(foreign) }
        if !changed.isEmpty { return .changed(changed) }
        return nil
    }

    /// The nearest existing ancestor of `url` when it is not a writable folder.
    static func unwritableAncestor(of url: URL) -> String? {
        var ancestor = url.deletingLastPathComponent()
        let fm = FileManager.default
        while !fm.fileExists(atPath: ancestor.path) && ancestor.path != "/" { ancestor = ancestor.deletingLastPathComponent() }
        var isDirectory: ObjCBool = false
        guard fm.fileExists(atPath: ancestor.path, isDirectory: &isDirectory), isDirectory.boolValue,
            fm.isWritableFile(atPath: ancestor.path)
        else { return ancestor.path }
        return nil
    }
}

/// Why evalrun will not write into a folder (exit 2; nothing was written or deleted).
public struct OutputFolderRefusal: Error, Equatable, CustomStringConvertible {
    public enum Reason: Equatable, Sendable {
        /// The folder the command runs in.
        case currentFolder
        /// A folder above the one the command runs in.
        case holdsCurrentFolder
        /// A file, not a folder.
        case isAFile
        /// It holds a project database or configuration (these files).
        case projectFolder([String])
        /// It holds files evalrun did not write (these, relative).
        case notWrittenByEvalrun([String])
        /// Evalrun wrote it, but for another command.
        case otherCommand(String)
        /// Files evalrun wrote there were changed since (these).
        case changed([String])
        /// Nothing can be written at this place.
        case unwritable(String)
    }

    public var path: String
    public var reason: Reason

    public var description: String {
        let advice = "choose another folder (for example \(Self.suggestion(for: path))); nothing was written or deleted"
        switch reason {
        case .currentFolder:
            return "\(path) is the current folder: evalrun writes its outputs into a folder of their own; \(advice)"
        case .holdsCurrentFolder:
            return "\(path) holds the current folder: evalrun would replace it whole; \(advice)"
        case .isAFile:
            return "\(path) is a file, not a folder; \(advice)"
        case .projectFolder(let files):
            return "\(path) is a project folder (it holds \(Self.list(files))); \(advice)"
        case .notWrittenByEvalrun(let files):
            return "\(path) already holds \(Self.count(files)) that evalrun did not write (\(Self.list(files))); \(advice)"
        case .otherCommand(let command):
            return "\(path) holds the output of `evalrun \(command)`; \(advice)"
        case .changed(let files):
            return "\(path) holds \(Self.count(files)) changed since evalrun wrote them (\(Self.list(files))); \(advice)"
        case .unwritable(let place):
            return "\(path) cannot be written: \(place) is not a folder evalrun may write in; choose another place; nothing was written"
        }
    }

    static func count(_ files: [String]) -> String { files.count == 1 ? "a file" : "\(files.count) files" }

    static func list(_ files: [String]) -> String {
        let shown = files.prefix(3).joined(separator: ", ")
        return files.count > 3 ? shown + ", …" : shown
    }

    static func suggestion(for path: String) -> String {
        let trimmed = path.hasSuffix("/") ? String(path.dropLast()) : path
        let name = (trimmed as NSString).lastPathComponent
        if name.isEmpty || name == "." || name == ".." { return "reports/new" }
        return trimmed + "-new"
    }
}

/// The content of `.evalrun-output`: the command and each file written with its SHA-256.
/// Plain text, one file per line, in the order written (deterministic: no time in it).
struct OutputMarker: Equatable {
    var command: String
    var files: [(path: String, digest: String)]

    static let header = "# written by evalrun; it replaces this folder only while it holds exactly these files, unchanged"

    init(command: String, files: [(String, String)]) {
        self.command = command
        self.files = files.map { (path: $0.0, digest: $0.1) }
    }

    init?(text: String) {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
        guard let first = lines.first, first.hasPrefix("evalrun ") else { return nil }
        command = String(first.dropFirst("evalrun ".count))
        lines.removeFirst()
        files = []
        for line in lines where !line.hasPrefix("#") {
            let parts = line.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: false)
            guard parts.count == 2, parts[0].count == 64 else { return nil }
            files.append((path: String(parts[1]), digest: String(parts[0])))
        }
    }

    var text: String {
        "evalrun \(command)\n\(Self.header)\n" + files.map { "\($0.digest) \($0.path)\n" }.joined()
    }

    static func == (a: OutputMarker, b: OutputMarker) -> Bool {
        a.command == b.command && a.files.map(\.path) == b.files.map(\.path) && a.files.map(\.digest) == b.files.map(\.digest)
    }

    /// The SHA-256 of a file, read in 1 MiB pieces (a synthetic programme's files are large).
    static func digest(file: URL) throws -> String {
        let handle = try FileHandle(forReadingFrom: file)
        defer { try? handle.close() }
        var hasher = SHA256()
        while let piece = try handle.read(upToCount: 1 << 20), !piece.isEmpty { hasher.update(data: piece) }
        return hasher.finalize().map { String(format: "%02x", $0) }.joined()
    }

    /// Every file below `folder` (hidden ones included), as paths relative to it, sorted;
    /// folders are not listed, but a folder with nothing in it is (with a trailing `/`).
    static func files(under folder: URL) -> [String] {
        let fm = FileManager.default
        var result: [String] = []
        func walk(_ url: URL, _ prefix: String) {
            guard let names = try? fm.contentsOfDirectory(atPath: url.path) else { return }
            if names.isEmpty && !prefix.isEmpty { result.append(prefix) }
            for name in names {
                let child = url.appendingPathComponent(name)
                var isDirectory: ObjCBool = false
                let attributes = try? fm.attributesOfItem(atPath: child.path)
                let isLink = (attributes?[.type] as? FileAttributeType) == .typeSymbolicLink
                if !isLink, fm.fileExists(atPath: child.path, isDirectory: &isDirectory), isDirectory.boolValue {
                    walk(child, prefix + name + "/")
                } else {
                    result.append(prefix + name)
                }
            }
        }
        walk(folder, "")
        return result.sorted()
    }
}
