import Crypto
import EvaluationDomain

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// What one streaming pass over a file's bytes learns before it is parsed: digest, size,
/// encoding evidence, NUL bytes, line endings and the sample the dialect is sniffed from.
struct FileSurvey {
    var sha256 = ""
    var byteCount = 0
    var hasUTF8ByteOrderMark = false
    /// The offset of the first byte that is not valid UTF-8, if any.
    var firstInvalidUTF8Offset: Int?
    /// Offsets of the first NUL bytes (up to the problem limit) and how many there are.
    var nulOffsets: [Int] = []
    var nulCount = 0
    /// Line breaks by kind: lone LF, CR LF, lone CR.
    var lfCount = 0
    var crlfCount = 0
    var crCount = 0
    /// Whether any byte is one of the five undefined in Windows-1252.
    var hasUndefinedWindows1252Bytes = false
    /// The first ``CSVLimits/sniffBytes`` bytes (after a UTF-8 byte-order mark).
    var sample: [UInt8] = []
    /// Whether the file goes on after the sample.
    var sampleIsTruncated = false
    /// The file's last byte.
    var lastByte: UInt8?

    /// Reads `path` once with a fixed-size buffer.
    static func survey(path: String, displayName: String, limits: CSVLimits) throws(CSVError) -> FileSurvey {
        let file = try openFile(path, displayName: displayName)
        var survey = FileSurvey()
        var hasher = SHA256()
        var validator = UTF8Validator()
        let capacity = limits.readBufferBytes
        let buffer = UnsafeMutableRawPointer.allocate(byteCount: capacity, alignment: 16)
        defer { buffer.deallocate() }
        var previousWasCR = false
        var first = true
        survey.sample.reserveCapacity(min(limits.sniffBytes, 1 << 20))

        while true {
            let got = try readChunk(file, into: buffer, count: capacity, displayName: displayName)
            if got == 0 { break }
            let chunk = UnsafeRawBufferPointer(start: buffer, count: got)
            var content = chunk
            if first {
                first = false
                try rejectWideEncodings(chunk, displayName: displayName)
                content = survey.skippingByteOrderMark(chunk)
            }
            hasher.update(bufferPointer: chunk)
            validator.consume(chunk)
            survey.takeSample(content, sniffBytes: limits.sniffBytes)
            survey.countLineBreaks(chunk, previousWasCR: &previousWasCR)
            survey.findNULs(chunk, offset: survey.byteCount, limit: limits.maxProblems)
            survey.findUndefinedWindows1252Bytes(chunk)
            survey.byteCount += got
            survey.lastByte = chunk[got - 1]
        }
        validator.finish()
        survey.firstInvalidUTF8Offset = validator.firstInvalidOffset
        survey.sha256 = lowercaseHex(hasher.finalize())
        return survey
    }

    private static func openFile(_ path: String, displayName: String) throws(CSVError) -> RawFile {
        do {
            return try RawFile(path: path)
        } catch {
            throw CSVError(Problem(file: displayName, line: 0, reason: "cannot open the file: \(error.message)"))
        }
    }

    /// Fills `buffer` with up to `count` bytes of the file; 0 at its end.
    private static func readChunk(
        _ file: RawFile, into buffer: UnsafeMutableRawPointer, count: Int, displayName: String
    ) throws(CSVError) -> Int {
        do {
            return try file.readFully(into: buffer, count: count)
        } catch {
            throw CSVError(Problem(file: displayName, line: 0, reason: "cannot read the file: \(error.message)"))
        }
    }

    /// The first chunk without its UTF-8 byte-order mark, noting that it had one.
    private mutating func skippingByteOrderMark(_ chunk: UnsafeRawBufferPointer) -> UnsafeRawBufferPointer {
        guard chunk.count >= 3 && chunk[0] == 0xEF && chunk[1] == 0xBB && chunk[2] == 0xBF else { return chunk }
        hasUTF8ByteOrderMark = true
        return UnsafeRawBufferPointer(rebasing: chunk[3...])
    }

    /// Appends the content to the sample while it has room; notes when the file goes on after it.
    private mutating func takeSample(_ content: UnsafeRawBufferPointer, sniffBytes: Int) {
        let room = sniffBytes - sample.count
        if room > 0 {
            sample.append(contentsOf: content.prefix(room))
            if content.count > room { sampleIsTruncated = true }
        } else if !content.isEmpty {
            sampleIsTruncated = true
        }
    }

    /// Notes whether the chunk holds one of the five bytes undefined in Windows-1252.
    private mutating func findUndefinedWindows1252Bytes(_ chunk: UnsafeRawBufferPointer) {
        guard !hasUndefinedWindows1252Bytes, let base = chunk.baseAddress else { return }
        for byte: UInt8 in [0x81, 0x8D, 0x8F, 0x90, 0x9D] where memchr(base, Int32(byte), chunk.count) != nil {
            hasUndefinedWindows1252Bytes = true
        }
    }

    /// The digest in lowercase hexadecimal.
    private static func lowercaseHex(_ digest: SHA256.Digest) -> String {
        digest.map { byte in
            let hex = Array("0123456789abcdef".utf8)
            return String(decoding: [hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]], as: UTF8.self)
        }.joined()
    }

    /// Throws for UTF-16 and UTF-32 files (recognised by their byte-order mark).
    private static func rejectWideEncodings(_ chunk: UnsafeRawBufferPointer, displayName: String) throws(CSVError) {
        let bytes = Array(chunk.prefix(4))
        let name: String?
        if bytes.starts(with: [0x00, 0x00, 0xFE, 0xFF]) {
            name = "UTF-32"
        } else if bytes.starts(with: [0xFF, 0xFE, 0x00, 0x00]) {
            name = "UTF-32"
        } else if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            name = "UTF-16"
        } else {
            name = nil
        }
        if let name {
            throw CSVError(
                Problem(
                    file: displayName, line: 0, reason: "the file is encoded as \(name), which is not supported",
                    hint: "save the file as UTF-8 or CSV (separatore: punto e virgola)"))
        }
    }

    /// The line ending kind of the whole file.
    var lineEnding: LineEnding { LineEnding(lf: lfCount, crlf: crlfCount, cr: crCount) }

    private mutating func countLineBreaks(_ chunk: UnsafeRawBufferPointer, previousWasCR: inout Bool) {
        guard let base = chunk.baseAddress, !chunk.isEmpty else { return }
        let count = chunk.count
        // Every LF, split by whether a CR precedes it.
        var position = 0
        var lfs = 0
        var crlfs = 0
        while position < count, let found = memchr(base + position, 0x0A, count - position) {
            let index = base.distance(to: UnsafeRawPointer(found))
            let afterCR = index == 0 ? previousWasCR : chunk[index - 1] == 0x0D
            if afterCR { crlfs += 1 } else { lfs += 1 }
            position = index + 1
        }
        var crs = 0
        position = 0
        while position < count, let found = memchr(base + position, 0x0D, count - position) {
            crs += 1
            position = base.distance(to: UnsafeRawPointer(found)) + 1
        }
        lfCount += lfs
        crlfCount += crlfs
        crCount += crs - crlfs
        // A CR LF split across chunks adds its CR in one chunk and removes it in the next.
        previousWasCR = chunk[count - 1] == 0x0D
    }

    private mutating func findNULs(_ chunk: UnsafeRawBufferPointer, offset: Int, limit: Int) {
        guard let base = chunk.baseAddress else { return }
        var position = 0
        while position < chunk.count, let found = memchr(base + position, 0, chunk.count - position) {
            let index = base.distance(to: UnsafeRawPointer(found))
            nulCount += 1
            if nulOffsets.count < limit { nulOffsets.append(offset + index) }
            position = index + 1
        }
    }

    /// The physical lines (1-based) of the given byte offsets, in order; reads the file again.
    static func lines(ofOffsets offsets: [Int], path: String, bufferBytes: Int) -> [Int] {
        guard let file = try? RawFile(path: path) else { return offsets.map { _ in 0 } }
        let buffer = UnsafeMutableRawPointer.allocate(byteCount: bufferBytes, alignment: 16)
        defer { buffer.deallocate() }
        let sorted = offsets.sorted()
        var result: [Int: Int] = [:]
        var next = 0
        var line = 1
        var previousWasCR = false
        var consumed = 0
        while next < sorted.count, let got = try? file.read(into: buffer, count: bufferBytes), got > 0 {
            let bytes = buffer.assumingMemoryBound(to: UInt8.self)
            for index in 0..<got {
                while next < sorted.count && sorted[next] == consumed + index {
                    result[sorted[next]] = line
                    next += 1
                }
                let byte = bytes[index]
                if byte == 0x0D {
                    line += 1
                } else if byte == 0x0A && !previousWasCR {
                    line += 1
                }
                previousWasCR = byte == 0x0D
            }
            consumed += got
        }
        return offsets.map { result[$0] ?? line }
    }
}
