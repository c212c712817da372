import Crypto
import Foundation

/// Replaces participant codes by a keyed hash at import, so that a database can be
/// handed to a researcher without the codes that the programme's own records use.
///
/// pseudonym(code) = the first 16 bytes of HMAC-SHA-256(key, UTF-8 bytes of the
/// code as written, trimmed), in lowercase hexadecimal (32 characters). The same
/// key gives the same pseudonym in every file, so attendance, questionnaires,
/// services and outcomes still find their participant. Whoever holds the key can
/// recompute a pseudonym (`printf %s P00001 | openssl dgst -sha256 -hmac "$KEY"`,
/// first 32 hex digits) but not reverse one without trying every possible code,
/// which the key makes impossible for anyone else.
///
/// **Why 128 bits.** Two participants with the same pseudonym would be merged
/// without a word: the import only ever sees the pseudonym, and a later file cannot
/// tell them apart. By the birthday bound the chance of any collision among n codes
/// is about n² / 2¹²⁹: below 10⁻²⁰ for a billion codes. 64 bits would give about
/// 3·10⁻¹⁰ for 100,000 codes and 3·10⁻⁶ for ten million, small but not negligible
/// for a safeguard that must hold for every programme; the longer code costs a few
/// bytes per participant only, as the large tables refer to participants by number.
///
/// The key is never stored. The database records that its codes are pseudonymised,
/// with this scheme, and a *key check* (the first 8 bytes of the HMAC of a fixed
/// text), so that an import with another key, or without one, is refused instead of
/// creating every participant a second time. The key check reveals nothing about
/// the key or the codes.
public struct Pseudonymizer: Sendable {
    /// The scheme's name as recorded in the database.
    public static let scheme = "hmac-sha256-128"
    /// The shortest key accepted, in bytes (256 bits, e.g. `openssl rand -hex 32` gives 64).
    public static let minimumKeyBytes = 32
    /// The environment variable a key may come from.
    public static let environmentVariable = "EVALRUN_PSEUDONYM_KEY"

    /// The key's bytes (`SymmetricKey` is not `Sendable`; one is made per use).
    private let keyBytes: [UInt8]
    private var key: SymmetricKey { SymmetricKey(data: keyBytes) }

    /// A pseudonymizer with the given key bytes (at least ``minimumKeyBytes``).
    public init(key: [UInt8]) throws(PseudonymisationError) {
        guard key.count >= Self.minimumKeyBytes else { throw .keyTooShort(bytes: key.count) }
        keyBytes = key
    }

    /// The key from `keyFile` if given, else from ``environmentVariable``; a final line
    /// break of a key file is not part of the key.
    public static func load(keyFile: String?, environment: [String: String]) throws(PseudonymisationError) -> Pseudonymizer {
        if let keyFile {
            guard let data = FileManager.default.contents(atPath: keyFile) else { throw .unreadableKeyFile(keyFile) }
            var bytes = [UInt8](data)
            while let last = bytes.last, last == 0x0A || last == 0x0D { bytes.removeLast() }
            return try Pseudonymizer(key: bytes)
        }
        guard let text = environment[environmentVariable], !text.isEmpty else { throw .noKey }
        return try Pseudonymizer(key: Array(text.utf8))
    }

    /// The pseudonym of a participant code: 32 lowercase hexadecimal digits.
    public func pseudonym(_ code: String) -> String {
        let mac = HMAC<SHA256>.authenticationCode(for: Array(code.utf8), using: key)
        return Self.hex(mac.prefix(16))
    }

    /// What the database records: the scheme and the key check.
    public var recordedMode: String {
        let mac = HMAC<SHA256>.authenticationCode(for: Array("evalrun pseudonym key check".utf8), using: key)
        return "\(Self.scheme) key-check \(Self.hex(mac.prefix(8)))"
    }

    private static func hex(_ bytes: some Sequence<UInt8>) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var text: [UInt8] = []
        for byte in bytes {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: text, as: UTF8.self)
    }
}

/// A pseudonymisation key that cannot be used.
public enum PseudonymisationError: Error, Sendable, Equatable, CustomStringConvertible {
    case noKey
    case unreadableKeyFile(String)
    case keyTooShort(bytes: Int)

    public var description: String {
        switch self {
        case .noKey:
            return "--pseudonymise needs a key: --key-file PATH, or the environment variable \(Pseudonymizer.environmentVariable)"
        case .unreadableKeyFile(let path):
            return "\(path): the key file cannot be read"
        case .keyTooShort(let bytes):
            return
                "the pseudonymisation key has \(bytes) bytes; at least \(Pseudonymizer.minimumKeyBytes) are needed (e.g. `openssl rand -hex 32 > key`)"
        }
    }
}
