/// The columns `--adjust` adds to a model (METHODS §5, issue "compare"):
/// numeric attributes as given; categorical ones as dummy columns against their
/// first level (the stated reference), named `attribute:level`. Participants
/// with a missing covariate are left out and counted.
struct CovariateDesign {
    struct Column {
        var term: String
        /// The covariate the column codes (`sex` for `sex:M`).
        var covariate: String
        var values: [Int: Double]
    }

    var columns: [Column] = []
    /// Reference level of each categorical covariate, for the report.
    var references: [String: String] = [:]
    /// Categorical covariates with at most one level among the participants:
    /// they add no column, and a model adjusted for them cannot be fitted.
    var singleLevel: [String] = []
    /// Participants with every covariate present.
    var complete: Set<Int>

    init(attributes: ParticipantAttributes, names: [String], participants: [Int]) throws {
        for name in names where !attributes.has(name) { throw ComparisonError.unknownCovariate(name) }
        // A covariate nobody has would drop every row (METHODS §5 "Age"): say so, naming it.
        for name in names where !participants.contains(where: { attributes.level(name, of: $0).map { $0 != Levels.missing } ?? false }) {
            throw ComparisonError.covariateMissingForEveryone(name)
        }
        self.init(names: names, participants: participants) { name, i in
            attributes.level(name, of: i).flatMap { $0 == Levels.missing ? nil : $0 }
        }
    }

    /// Covariates given as columns of values indexed by participant (`nil` =
    /// missing), for analyses of data that do not come from a programme.
    init(columns: [(name: String, values: [String?])], participants: [Int]) {
        let byName = Dictionary(columns.map { ($0.name, $0.values) }, uniquingKeysWith: { first, _ in first })
        self.init(names: columns.map(\.name), participants: participants) { name, i in
            guard let column = byName[name], column.indices.contains(i) else { return nil }
            return column[i]
        }
    }

    private init(names: [String], participants: [Int], value: (String, Int) -> String?) {
        var complete = Set(participants)
        for name in names {
            var present: [Int: String] = [:]
            for i in participants {
                if let v = value(name, i) { present[i] = v } else { complete.remove(i) }
            }
            let numbers = present.compactMapValues { Double($0) }
            if !present.isEmpty && numbers.count == present.count {
                columns.append(Column(term: name, covariate: name, values: numbers))
            } else {
                let levels = Levels.sorted(present.values)
                if levels.count < 2 { singleLevel.append(name) }
                guard let reference = levels.first else { continue }
                references[name] = reference
                for level in levels.dropFirst() {
                    columns.append(Column(term: "\(name):\(level)", covariate: name, values: present.mapValues { $0 == level ? 1 : 0 }))
                }
            }
        }
        self.complete = complete
    }
}

/// Why a comparison cannot be made at all.
public enum ComparisonError: Error, Equatable, CustomStringConvertible {
    case unknownAttribute(String, known: String)
    case unknownCovariate(String)
    case covariateMissingForEveryone(String)
    case unknownReference(String, levels: [String])
    case tooFewLevels(String, [String])
    case tooManyLevels(String, Int)

    public var description: String {
        switch self {
        case .unknownAttribute(let name, let known):
            return "'\(name)' is not an attribute of the participants or their groups (known: \(known))"
        case .unknownCovariate(let name):
            return "--adjust: '\(name)' is not an attribute of the participants or their groups"
        case .covariateMissingForEveryone(let name):
            return
                "--adjust: '\(name)' is blank for every participant compared, so no model could use anyone (for age: give an age or birth_year column in participants.csv)"
        case .unknownReference(let level, let levels):
            return "--reference: '\(level)' is not a level (levels: \(levels.joined(separator: ", ")))"
        case .tooFewLevels(let name, let levels):
            return "'\(name)' has \(levels.count) level(s) among the participants (\(levels.joined(separator: ", "))): nothing to compare"
        case .tooManyLevels(let name, let n):
            return "'\(name)' has \(n) distinct values, more than \(Subgroups.maximumLevels): bin it into fewer categories first"
        }
    }
}
