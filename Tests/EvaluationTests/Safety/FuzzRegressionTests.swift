import Evaluation
import Foundation
import Testing

/// The fuzzers' oracles (Fuzz/), run over every committed input: the hostile
/// corpus, the reader's fixtures, the fuzz seed corpus, and the inputs that ever
/// made a fuzzer fail (`Fixtures/hostile/fuzz/`: `csv-*` for the reader, `rows-*`
/// for the decoders, whose first byte picks the file kind as in FuzzRowDecoders).
@Suite("Fuzz regressions")
struct FuzzRegressionTests {
    /// Everything a reading produced, for comparison.
    struct Reading: Equatable {
        var header: [String] = []
        var records: [[String]] = []
        var lines: [Int] = []
        var problems: [String] = []
        var failure: String?
    }

    static func read(_ path: String, limits: CSVLimits) -> Reading {
        var reading = Reading()
        do {
            let source = try CSVSource.open(path: path, limits: limits)
            reading.header = source.header
            var problems = ProblemList(limit: limits.maxProblems)
            try source.forEachRecord(problems: &problems) { row in
                reading.records.append((0..<row.count).map { row.value($0) + (row.isQuoted($0) ? "\u{1}" : "") })
                reading.lines.append(row.line)
            }
            reading.problems = problems.errors.map(\.description) + problems.warnings.map(\.description) + ["\(problems.errorCount)"]
        } catch {
            reading.failure = "\(type(of: error)): \(error)"
        }
        return reading
    }

    /// The committed inputs: the fixtures' CSV files and the fuzz seed corpus.
    static func inputs() throws -> [URL] {
        let fixtures = try Fixture.url("hostile", "generate.sh").deletingLastPathComponent().deletingLastPathComponent()
        var urls: [URL] = []
        for folder in ["hostile", "csv", "hostile/fuzz"] {
            let url = fixtures.appendingPathComponent(folder)
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: url.path) else { continue }
            urls += names.filter { $0.hasSuffix(".csv") || $0.hasPrefix("csv-") }.sorted().map { url.appendingPathComponent($0) }
        }
        var root = URL(fileURLWithPath: #filePath)
        for _ in 0..<4 { root.deleteLastPathComponent() }
        let seeds = root.appendingPathComponent("Fuzz/Corpus/FuzzCSVReader")
        if let names = try? FileManager.default.contentsOfDirectory(atPath: seeds.path) {
            urls += names.sorted().map { seeds.appendingPathComponent($0) }
        }
        return urls
    }

    @Test(
        "every committed input reads the same through a 16-byte buffer as through one as large as the record limit, and with the default limits"
    )
    func bufferSizeDoesNotMatter() throws {
        let inputs = try Self.inputs()
        #expect(inputs.count > 100)
        for url in inputs {
            let small = CSVLimits(maxFieldBytes: 64, maxColumns: 32, maxProblems: 8, maxRecordBytes: 1024, readBufferBytes: 16)
            var medium = small
            medium.readBufferBytes = 4096
            let reference = Self.read(url.path, limits: medium)
            #expect(Self.read(url.path, limits: small) == reference, "\(url.lastPathComponent)")
            let defaults = Self.read(url.path, limits: CSVLimits(readBufferBytes: 16))
            #expect(defaults == Self.read(url.path, limits: CSVLimits()), "\(url.lastPathComponent)")
        }
    }

    /// The row-decoder fuzzer's inputs: its committed seed corpus
    /// (`Fuzz/Corpus/FuzzRowDecoders/`, merged from the long runs) and any input
    /// that ever made it fail (`Fixtures/hostile/fuzz/rows-*`).
    static func rowDecoderInputs() throws -> [URL] {
        let fixtures = try Fixture.url("hostile", "generate.sh").deletingLastPathComponent().appendingPathComponent("fuzz")
        var checkout = URL(fileURLWithPath: #filePath)
        for _ in 0..<4 { checkout.deleteLastPathComponent() }
        let corpus = checkout.appendingPathComponent("Fuzz/Corpus/FuzzRowDecoders")
        var urls: [URL] = []
        for (folder, prefix) in [(fixtures, "rows-"), (corpus, "")] {
            let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasPrefix(prefix) }
            urls += names.sorted().map { folder.appendingPathComponent($0) }
        }
        return urls
    }

    @Test("every input of the row-decoder fuzzer is rejected with its place or imported cleanly, and changes nothing (dry run)")
    func rowDecoderFindings() throws {
        let inputs = try Self.rowDecoderInputs()
        #expect(inputs.count > 100)
        // As in FuzzRowDecoders: the first byte picks the kind (and long or wide), the rest is the file.
        let kinds: [(FileKind, Bool?)] = FileKind.allCases.map { ($0, nil) } + [(.attendance, true), (.attendance, false)]
        let f = try HostileStore()
        var rejected = 0
        for url in inputs {
            let bytes = try [UInt8](Data(contentsOf: url))
            guard let first = bytes.first else { continue }
            let (kind, wide) = kinds[Int(first) % kinds.count]
            let path = try f.fixture.write("input.csv", bytes: Array(bytes.dropFirst()))
            do {
                _ = try f.fixture.importFile(kind, path, wide: wide, dryRun: true)
            } catch is ImportError {
                rejected += 1
            } catch is CSVError {
                rejected += 1
            } catch {
                Issue.record("\(url.lastPathComponent): \(type(of: error)): \(error)")
            }
        }
        #expect(try f.fixture.store.dump() == f.before)
        // Most fuzz inputs are broken files: the import must have said so.
        #expect(rejected > inputs.count / 2)
    }
}
