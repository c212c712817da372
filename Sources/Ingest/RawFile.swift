#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// A file opened read-only with `open(2)`, read with `read(2)`, closed when released.
///
/// A class because it owns a file descriptor.
final class RawFile {
    /// Why a file could not be opened or read (the C library's message for `errno`).
    struct Failure: Error {
        let message: String
    }

    private let descriptor: Int32

    /// Opens `path` for reading.
    init(path: String) throws(Failure) {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { throw Failure(message: RawFile.lastErrorMessage()) }
        self.descriptor = descriptor
    }

    deinit {
        close(descriptor)
    }

    /// Reads up to `count` bytes into `destination`; returns 0 at end of file.
    func read(into destination: UnsafeMutableRawPointer, count: Int) throws(Failure) -> Int {
        while true {
            #if canImport(Darwin)
                let result = Darwin.read(descriptor, destination, count)
            #elseif canImport(Musl)
                let result = Musl.read(descriptor, destination, count)
            #else
                let result = Glibc.read(descriptor, destination, count)
            #endif
            if result >= 0 { return result }
            if errno == EINTR { continue }
            throw Failure(message: RawFile.lastErrorMessage())
        }
    }

    /// Fills `destination` with up to `count` bytes, reading until full or end of file.
    func readFully(into destination: UnsafeMutableRawPointer, count: Int) throws(Failure) -> Int {
        var total = 0
        while total < count {
            let got = try read(into: destination + total, count: count - total)
            if got == 0 { break }
            total += got
        }
        return total
    }

    private static func lastErrorMessage() -> String {
        guard let text = strerror(errno) else { return "error \(errno)" }
        return String(cString: text)
    }
}
