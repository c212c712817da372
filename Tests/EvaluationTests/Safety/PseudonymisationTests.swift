import Evaluation
import Foundation
import Testing

@Suite("Pseudonymisation")
struct PseudonymisationTests {
    static let key = Array("0123456789abcdef0123456789abcdef-test-key".utf8)

    static func options(_ key: [UInt8] = PseudonymisationTests.key) throws -> ImportOptions {
        ImportOptions(pseudonymizer: try Pseudonymizer(key: key))
    }

    /// Imports the basic programme (and an attendance file) with `options`.
    static func loadBasics(_ f: ImportFixture, options: ImportOptions) throws {
        let today = CalendarDate(year: 2026, month: 11, day: 23) ?? .today
        func load(_ kind: FileKind, _ name: String, _ text: String) throws {
            _ = try f.store.importFile(
                ImportRequest(kind: kind, path: try f.write(name, text)), configuration: f.configuration, options: options,
                today: today)
        }
        try load(.groups, "groups.csv", "group_id,site\nG1,Forlì\nG2,Cesena\n")
        try load(
            .participants, "participants.csv",
            "participant_id,group_id,enrolled_on,sex\nP1,G1,2016-01-10,F\nP2,G1,2016-01-10,M\nP3,G2,2016-01-12,M\n")
        try load(.sessions, "sessions.csv", "group_id,session_no,date\nG1,1,2016-01-15\nG2,1,2016-01-16\n")
        try load(.attendance, "attendance.csv", "group_id,participant_id,session_no,present\nG1,P1,1,1\nG1,P2,1,0\nG2,P3,1,1\n")
        try load(.outcomes, "outcomes.csv", "participant_id,event_date,outcome\nP3,2016-05-04,TD\n")
    }

    @Test("pseudonyms are the first 128 bits of HMAC-SHA-256 in hex, as openssl computes them")
    func knownAnswers() throws {
        let p = try Pseudonymizer(key: Self.key)
        // printf %s P1 | openssl dgst -sha256 -hmac "0123456789abcdef0123456789abcdef-test-key"
        #expect(p.pseudonym("P1") == "97e629a8a08f4961ebd1eb034f4595f0")
        #expect(p.pseudonym("P2") == "4ca4d6bb1522a6a58563b38a52f82c20")
        #expect(p.pseudonym("P1") != (try Pseudonymizer(key: Self.key + [0x21])).pseudonym("P1"))
    }

    @Test("codes are pseudonymised consistently across files; neither the codes nor the key reach the database")
    func consistentAcrossFiles() throws {
        let f = try ImportFixture()
        try Self.loadBasics(f, options: try Self.options())
        let snapshot = try f.store.snapshot()
        let codes = snapshot.participants.map(\.code).sorted()
        let p = try Pseudonymizer(key: Self.key)
        #expect(codes == ["P1", "P2", "P3"].map { p.pseudonym($0) }.sorted())
        #expect(snapshot.marks.count == 3 && snapshot.outcomes.count == 1)
        #expect(snapshot.participants[snapshot.outcomes[0].participant].code == p.pseudonym("P3"))
        let dump = try f.store.dump()
        for plain in ["P1", "P2", "P3", String(decoding: Self.key, as: UTF8.self), "test-key"] {
            #expect(!dump.contains("\"\(plain)\""), "\(plain) is in the database")
            #expect(!dump.contains(plain) || plain.hasPrefix("P"), "\(plain) is in the database")
        }
        #expect(dump.contains("hmac-sha256-128 key-check "))
        // A participant file re-imported with the same key changes nothing.
        let again = try f.store.importFile(
            ImportRequest(kind: .participants, path: f.folder.appendingPathComponent("participants.csv").path),
            configuration: f.configuration, options: try Self.options())
        #expect(again.isNoOp && again.unchanged == 3)
    }

    @Test("a plain import into a pseudonymised database is refused, and the reverse, and another key")
    func refusesMixing() throws {
        let pseudonymised = try ImportFixture()
        try Self.loadBasics(pseudonymised, options: try Self.options())
        let plain = try ImportFixture()
        try Self.loadBasics(plain, options: ImportOptions())

        let attendance = "group_id,participant_id,session_no,present\nG1,P1,1,1\n"
        let cases: [(ImportFixture, ImportOptions, String)] = [
            (pseudonymised, ImportOptions(), "this database holds pseudonymised participant codes"),
            (plain, try Self.options(), "this database holds participant codes as written"),
            (
                pseudonymised, try Self.options(Array(repeating: 0x41, count: 40)),
                "the pseudonymisation key is not the one this database was made with"
            ),
        ]
        for (f, options, reason) in cases {
            let before = try f.store.dump()
            #expect {
                try f.store.importFile(
                    ImportRequest(kind: .attendance, path: try f.write("more-attendance.csv", attendance)), configuration: f.configuration,
                    options: options)
            } throws: { error in
                guard let error = error as? ImportError else { return false }
                return error.description.contains("more-attendance.csv: error: \(reason)")
            }
            #expect(try f.store.dump() == before)
        }
        // Groups and sessions hold no participant codes: either way is fine.
        _ = try pseudonymised.store.importFile(
            ImportRequest(kind: .groups, path: try pseudonymised.write("g.csv", "group_id\nG3\n")), configuration: ProjectConfiguration())
    }

    @Test("a key shorter than 32 bytes is refused; a key file's final line break is not part of the key")
    func keys() throws {
        #expect(throws: PseudonymisationError.keyTooShort(bytes: 31)) { try Pseudonymizer(key: Array(repeating: 1, count: 31)) }
        #expect(throws: PseudonymisationError.noKey) { try Pseudonymizer.load(keyFile: nil, environment: [:]) }
        let f = try ImportFixture()
        let keyText = String(decoding: Self.key, as: UTF8.self)
        let file = try f.write("key", keyText + "\n")
        let fromFile = try Pseudonymizer.load(keyFile: file, environment: [:])
        let fromEnvironment = try Pseudonymizer.load(keyFile: nil, environment: [Pseudonymizer.environmentVariable: keyText])
        #expect(fromFile.pseudonym("P00001") == fromEnvironment.pseudonym("P00001"))
        #expect(throws: PseudonymisationError.unreadableKeyFile("/nonexistent/key")) {
            try Pseudonymizer.load(keyFile: "/nonexistent/key", environment: [:])
        }
    }
}
