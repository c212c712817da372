import EvaluationDomain
import Foundation
import TOMLKit

/// Reads `evalrun.toml` into a `ProjectConfiguration`, rejecting unknown keys
/// and wrong types with the line they are on.
public enum ConfigurationFile {
    /// The file name `init` writes beside the database.
    public static let fileName = "evalrun.toml"

    /// Loads the configuration at `path`; a missing file gives the defaults.
    public static func load(path: String) throws -> ProjectConfiguration {
        guard FileManager.default.fileExists(atPath: path) else { return ProjectConfiguration() }
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        guard let text = String(data: data, encoding: .utf8) else {
            throw ConfigurationError(file: path, line: nil, message: "the file is not UTF-8 text")
        }
        return try parse(text, file: (path as NSString).lastPathComponent)
    }

    /// Parses configuration text.
    public static func parse(_ text: String, file: String = fileName) throws -> ProjectConfiguration {
        let table: TOMLTable
        do {
            table = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            throw ConfigurationError(file: file, line: error.source.begin.line, message: error.description)
        }
        var reader = Reader(file: file, lines: text.components(separatedBy: "\n"))
        return try reader.read(table)
    }

    private struct Reader {
        let file: String
        let lines: [String]
        var config = ProjectConfiguration()

        /// The line of `key` inside table `[section]` (best effort, for messages).
        func line(of key: String, in section: String?) -> Int? {
            var current: String? = nil
            for (index, raw) in lines.enumerated() {
                let text = raw.trimmingCharacters(in: .whitespaces)
                if text.hasPrefix("[") {
                    current = text.trimmingCharacters(in: CharacterSet(charactersIn: "[] \t"))
                    if section == nil && key == current { return index + 1 }
                    continue
                }
                guard current == section || (section == nil && current == nil) else { continue }
                let name = text.split(separator: "=", maxSplits: 1).first.map {
                    $0.trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "\"'"))
                }
                if name == key { return index + 1 }
            }
            return nil
        }

        func fail(_ message: String, key: String, section: String?) -> ConfigurationError {
            ConfigurationError(file: file, line: line(of: key, in: section), message: message)
        }

        func table(_ value: any TOMLValueConvertible, _ key: String, in section: String?) throws -> TOMLTable {
            guard let t = value.table else { throw fail("'\(key)' must be a table", key: key, section: section) }
            return t
        }

        func double(_ value: any TOMLValueConvertible, _ key: String, _ section: String) throws -> Double {
            if let d = value.double { return d }
            if let i = value.int { return Double(i) }
            throw fail("'\(key)' in [\(section)] must be a number", key: key, section: section)
        }

        func int(_ value: any TOMLValueConvertible, _ key: String, _ section: String) throws -> Int {
            if let i = value.int { return i }
            throw fail("'\(key)' in [\(section)] must be a whole number", key: key, section: section)
        }

        func bool(_ value: any TOMLValueConvertible, _ key: String, _ section: String) throws -> Bool {
            if let b = value.bool { return b }
            throw fail("'\(key)' in [\(section)] must be true or false", key: key, section: section)
        }

        func string(_ value: any TOMLValueConvertible, _ key: String, _ section: String) throws -> String {
            if let s = value.string { return s }
            throw fail("'\(key)' in [\(section)] must be a quoted string", key: key, section: section)
        }

        func array(_ value: any TOMLValueConvertible, _ key: String, _ section: String) throws -> [any TOMLValueConvertible] {
            guard let a = value.array else { throw fail("'\(key)' in [\(section)] must be a list [...]", key: key, section: section) }
            return Array(a)
        }

        func unknown(_ key: String, _ section: String, known: [String]) -> ConfigurationError {
            fail("unknown key '\(key)' in [\(section)] (known: \(known.joined(separator: ", ")))", key: key, section: section)
        }

        mutating func read(_ root: TOMLTable) throws -> ProjectConfiguration {
            for key in root.keys {
                guard let value = root[key] else { continue }
                switch key {
                case "retention": try readRetention(table(value, key, in: nil))
                case "suppression": try readSuppression(table(value, key, in: nil))
                case "programme": try readProgramme(table(value, key, in: nil))
                case "reemployment": try readReemployment(table(value, key, in: nil))
                case "targets": try readTargets(table(value, key, in: nil), period: nil)
                case "jobs": try readJobs(table(value, key, in: nil))
                case "instruments":
                    let instruments = try table(value, key, in: nil)
                    for id in instruments.keys {
                        guard let entry = instruments[id] else { continue }
                        try readInstrument(id: id, table(entry, id, in: "instruments"))
                    }
                case "columns":
                    let columns = try table(value, key, in: nil)
                    for kindName in columns.keys {
                        guard let entry = columns[kindName] else { continue }
                        guard let kind = FileKind(name: kindName) else {
                            throw fail(
                                "unknown file kind '\(kindName)' in [columns.\(kindName)] (known: \(FileKind.allCases.map(\.rawValue).joined(separator: ", ")))",
                                key: "columns.\(kindName)", section: nil)
                        }
                        let section = "columns.\(kindName)"
                        let mapping = try table(entry, kindName, in: "columns")
                        var renames: [String: String] = [:]
                        for source in mapping.keys {
                            guard let target = mapping[source] else { continue }
                            let name = try string(target, source, section)
                            guard
                                ColumnSchema.of(kind).columns.contains(where: { $0.name == name })
                                    || (kind == .questionnaires && ColumnSchema.itemNumber(name) != nil)
                            else {
                                throw fail("'\(name)' is not a column of \(kind.rawValue) files", key: source, section: section)
                            }
                            renames[ColumnSchema.key(source)] = name
                        }
                        config.columnMappings[kind] = renames
                    }
                default:
                    throw fail(
                        "unknown section [\(key)] (known: retention, suppression, programme, reemployment, jobs, targets, instruments, columns)",
                        key: key,
                        section: nil)
                }
            }
            return config
        }

        mutating func readRetention(_ t: TOMLTable) throws {
            for key in t.keys {
                guard let v = t[key] else { continue }
                switch key {
                case "threshold":
                    let x = try double(v, key, "retention")
                    guard x >= 0 && x <= 1 else {
                        throw fail("retention threshold must be a share between 0 and 1 (e.g. 0.75)", key: key, section: "retention")
                    }
                    config.retentionThreshold = x
                case "inclusive": config.retentionInclusive = try bool(v, key, "retention")
                default: throw unknown(key, "retention", known: ["threshold", "inclusive"])
                }
            }
        }

        mutating func readSuppression(_ t: TOMLTable) throws {
            for key in t.keys {
                guard let v = t[key] else { continue }
                switch key {
                case "threshold":
                    let x = try int(v, key, "suppression")
                    guard x >= 0 else { throw fail("suppression threshold must be 0 or more", key: key, section: "suppression") }
                    config.suppressionThreshold = x
                case "round":
                    let x = try int(v, key, "suppression")
                    guard x >= 0 else {
                        throw fail("suppression round must be 0 or a positive base such as 5", key: key, section: "suppression")
                    }
                    config.suppressionRound = x
                default: throw unknown(key, "suppression", known: ["threshold", "round"])
                }
            }
        }

        mutating func readProgramme(_ t: TOMLTable) throws {
            for key in t.keys {
                guard let v = t[key] else { continue }
                switch key {
                case "budget":
                    let x = try double(v, key, "programme")
                    guard x >= 0 else { throw fail("budget must not be negative", key: key, section: "programme") }
                    config.budget = x
                case "currency": config.currency = try string(v, key, "programme")
                default: throw unknown(key, "programme", known: ["budget", "currency"])
                }
            }
        }

        mutating func readReemployment(_ t: TOMLTable) throws {
            for key in t.keys {
                guard let v = t[key] else { continue }
                switch key {
                case "events":
                    config.reemploymentEvents = try array(v, key, "reemployment").map { element in
                        let name = try string(element, key, "reemployment")
                        guard let type = OutcomeType(parsing: name) else {
                            throw fail(
                                "'\(name)' is not an outcome type (traineeship, fixed_term, permanent, self_employment, training, other)",
                                key: key, section: "reemployment")
                        }
                        return type
                    }
                case "breakdown":
                    let name = try string(v, key, "reemployment")
                    guard let b = ProjectConfiguration.Breakdown(rawValue: name) else {
                        throw fail("breakdown must be \"best\" or \"first\"", key: key, section: "reemployment")
                    }
                    config.breakdown = b
                case "window_days":
                    let x = try int(v, key, "reemployment")
                    guard x >= 0 else { throw fail("window_days must be 0 (no window) or more", key: key, section: "reemployment") }
                    config.windowDays = x
                default: throw unknown(key, "reemployment", known: ["events", "breakdown", "window_days"])
                }
            }
        }

        mutating func readJobs(_ t: TOMLTable) throws {
            for key in t.keys {
                guard let v = t[key] else { continue }
                switch key {
                case "gap_days":
                    let x = try int(v, key, "jobs")
                    guard x >= 0 else { throw fail("gap_days must be 0 (no gap bridged) or more", key: key, section: "jobs") }
                    config.jobGapDays = x
                default: throw unknown(key, "jobs", known: ["gap_days"])
                }
            }
        }

        /// `[targets]`: `figure = value`, dotted names as nested tables
        /// (`wellbeing_change.WEMWBS = 3`), a period's own targets as `[targets."2016"]`.
        mutating func readTargets(_ t: TOMLTable, period: String?, prefix: String = "") throws {
            let section = period.map { "targets.\"\($0)\"" } ?? "targets"
            for key in t.keys {
                guard let v = t[key] else { continue }
                if let nested = v.table {
                    if prefix.isEmpty, period == nil, let p = Period(parsing: key) {
                        try readTargets(nested, period: p.label)
                    } else {
                        try readTargets(nested, period: period, prefix: prefix + key + ".")
                    }
                    continue
                }
                let name = prefix + key
                guard Target.isKnown(name) else {
                    throw fail(
                        "unknown figure '\(name)' in [\(section)] (known: \(Target.indicators.joined(separator: ", ")), wellbeing_change.<instrument>, or a period such as [targets.\"2016\"])",
                        key: key, section: section)
                }
                let value = try double(v, key, section)
                guard value.isFinite, value >= 0 || name.hasPrefix("wellbeing_change.") else {
                    throw fail("the target for '\(name)' must not be negative", key: key, section: section)
                }
                if name.hasSuffix("_rate"), value > 1 {
                    throw fail("'\(name)' is a share between 0 and 1 (e.g. 0.4 for 40%)", key: key, section: section)
                }
                config.targets.append(Target(indicator: name, value: value, period: period))
            }
        }

        mutating func readInstrument(id: String, _ t: TOMLTable) throws {
            let section = "instruments.\(id)"
            let base = config.instrument(id)
            var i = base ?? Instrument(id: id, items: 0, min: 0, max: 0)
            i.id = base?.id ?? id
            for key in t.keys {
                guard let v = t[key] else { continue }
                switch key {
                case "items": i.items = try int(v, key, section)
                case "min": i.min = try double(v, key, section)
                case "max": i.max = try double(v, key, section)
                case "reverse": i.reverse = try array(v, key, section).map { try int($0, key, section) }
                case "score":
                    guard let rule = Instrument.ScoreRule(rawValue: try string(v, key, section)) else {
                        throw fail("score must be \"sum\" or \"mean\"", key: key, section: section)
                    }
                    i.score = rule
                case "better":
                    guard let better = Instrument.Better(rawValue: try string(v, key, section)) else {
                        throw fail("better must be \"higher\" or \"lower\"", key: key, section: section)
                    }
                    i.better = better
                case "max_missing": i.maxMissing = try int(v, key, section)
                case "reliability": i.reliability = try double(v, key, section)
                case "mid": i.mid = try double(v, key, section)
                case "norm_mean": i.normMean = try double(v, key, section)
                case "norm_sd": i.normSD = try double(v, key, section)
                case "norm_source": i.normSource = try string(v, key, section)
                case "score_min": i.scoreMin = try double(v, key, section)
                case "score_max": i.scoreMax = try double(v, key, section)
                default:
                    throw unknown(
                        key, section,
                        known: [
                            "items", "min", "max", "reverse", "score", "better", "max_missing", "reliability", "mid", "norm_mean",
                            "norm_sd", "norm_source", "score_min", "score_max",
                        ])
                }
            }
            guard i.items > 0 || (i.scoreMin != nil && i.scoreMax != nil) else {
                throw fail(
                    "instrument \(id) needs items, min and max (or score_min and score_max for pre-scored use)", key: id,
                    section: "instruments")
            }
            guard i.items == 0 || i.min < i.max else {
                throw fail("instrument \(id): min must be below max", key: id, section: "instruments")
            }
            if let bad = i.reverse.first(where: { $0 < 1 || $0 > i.items }) {
                throw fail("instrument \(id): reverse item \(bad) is not between 1 and \(i.items)", key: "reverse", section: section)
            }
            guard i.maxMissing >= 0 && i.maxMissing < max(i.items, 1) else {
                throw fail("instrument \(id): max_missing must be between 0 and items − 1", key: "max_missing", section: section)
            }
            config.instruments[id.uppercased()] = i
        }
    }
}
