import ArgumentParser
import Evaluation
import Foundation

struct CheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Cross-file consistency checks, grouped by kind and person; exit 1 when any error is found.")

    @OptionGroup var global: GlobalOptions

    @Option(help: "Also write every finding as a row (kind, severity, table, group, participant, meeting, date, message).")
    var csv: String?

    @Option(help: "Language of the summary (en or it).")
    var lang: ReportLanguage = .en

    func run() async throws {
        if let csv { try UserPath.writableFile(csv, "the findings (--csv)") }
        let store = try global.openStore()
        let configuration = try global.loadConfiguration()
        let progress = ProgressLine("", steps: 2, quiet: global.quiet)
        progress.step("reading the database")
        let snapshot = try store.snapshot()
        progress.step("checking the data")
        let check = ConsistencyCheck(snapshot: snapshot, configuration: configuration, today: .today)
        progress.finish()
        if !global.quiet {
            let text = TerminalText(lang)
            print(text.checksRunHeading)
            for line in text.checksRun { print("  - \(line)") }
        }
        let lines = CheckFindingGroups(check).lines
        for line in lines { print(line) }
        if let csv { try CheckFindingGroups(check).writeCSV(to: csv) }
        Terminal.note(
            TerminalText(lang).checkSummary(errors: check.errorCount, warnings: check.warningCount, lines: lines.count, csv: csv),
            quiet: global.quiet)
        if check.errorCount > 0 { throw ExitCode(ExitStatus.invalidInput) }
    }
}

/// `check`'s findings as an evaluator reads them: one line per kind and
/// person (never one per meeting), with the meetings and dates concerned.
struct CheckFindingGroups {
    let check: ConsistencyCheck

    init(_ check: ConsistencyCheck) {
        self.check = check
    }

    var lines: [String] {
        var order: [String] = []
        var groups: [String: [Int]] = [:]
        for k in check.problems.indices {
            let subject = check.subjects[k]
            // Findings about a person are grouped by kind and person; others stay one per line.
            let key = subject.participant.map { "\(check.kinds[k].rawValue)|\($0)" } ?? "\(k)"
            if groups[key] == nil { order.append(key) }
            groups[key, default: []].append(k)
        }
        let severityRank: [Problem.Severity: Int] = [.error: 0, .warning: 1]
        let sorted = order.enumerated().sorted { a, b in
            let ra = severityRank[check.problems[groups[a.element]?[0] ?? 0].severity] ?? 2
            let rb = severityRank[check.problems[groups[b.element]?[0] ?? 0].severity] ?? 2
            return (ra, a.offset) < (rb, b.offset)
        }
        return sorted.map { _, key in line(groups[key] ?? []) }
    }

    func line(_ indices: [Int]) -> String {
        guard let first = indices.first else { return "" }
        let problem = check.problems[first]
        guard indices.count > 1, let participant = check.subjects[first].participant else { return problem.description }
        let name = DataCheckName.of(check.kinds[first], .en)
        let meetings = indices.compactMap { check.subjects[$0].meeting }.sorted()
        let dates = indices.compactMap { check.subjects[$0].date }.sorted()
        var detail = "\(indices.count) findings"
        if !meetings.isEmpty { detail = "meetings \(Self.ranges(meetings))" }
        if let a = dates.first, let b = dates.last { detail += a == b ? " (\(a.iso8601))" : " (\(a.iso8601) to \(b.iso8601))" }
        let group = check.subjects[first].group.map { " of group \($0)" } ?? ""
        return "\(problem.file): \(problem.severity.rawValue): participant \(participant)\(group): \(name), \(detail)"
    }

    /// `1–3, 5, 7–9`.
    static func ranges(_ numbers: [Int]) -> String {
        var parts: [String] = []
        var start = numbers[0]
        var previous = numbers[0]
        for n in numbers.dropFirst() + [Int.max] {
            if n == previous + 1 {
                previous = n
                continue
            }
            parts.append(start == previous ? String(start) : "\(start)–\(previous)")
            start = n
            previous = n
        }
        return parts.joined(separator: ", ")
    }

    /// Every finding as a row of a CSV file (RFC 4180, UTF-8).
    func writeCSV(to path: String) throws {
        let writer = CSVWriter(format: .rfc4180)
        let rows: [[CSVCell]] = check.problems.indices.map { k in
            let s = check.subjects[k]
            let p = check.problems[k]
            return [
                .text(check.kinds[k].rawValue), .text(p.severity.rawValue), .text(p.file), s.group.map { .text($0) } ?? .empty,
                s.participant.map { .text($0) } ?? .empty, s.meeting.map { .integer($0) } ?? .empty, s.date.map { .date($0) } ?? .empty,
                .text(p.reason),
            ]
        }
        let data = try writer.encode(
            header: ["kind", "severity", "table", "group", "participant", "meeting", "date", "message"], rows: rows)
        try data.write(to: URL(fileURLWithPath: path))
    }
}
