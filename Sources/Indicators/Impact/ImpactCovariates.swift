import EvaluationDomain
import Store

/// The matching covariates of both sides as one table, participants first
/// (METHODS §9): numeric when every given value on both sides is a number,
/// otherwise categorical. A participant's attributes are those of `compare`
/// (`ParticipantAttributes`, age included); a comparison person's are the
/// comparison file's columns, age being the file's own `age` column or the
/// reference year minus `birth_year`.
struct ImpactCovariates {
    struct Covariate {
        var name: String
        /// One value per unit (`nil`: blank).
        var values: [String?]
        /// Numeric values, when the covariate is numeric.
        var numbers: [Double?]?
        /// Sorted levels, when categorical.
        var levels: [String]
    }

    var covariates: [Covariate] = []

    init(
        names: [String], participants: ParticipantAttributes, treated: [Int], comparison: ComparisonGroupSnapshot, controls: [Int]
    ) throws {
        for raw in names {
            let name = ParticipantAttributes.canonical(raw)
            guard let participantColumn = participants.values[name] else {
                throw ImpactError.unknownCovariate(raw, side: "participants", known: participants.known.sorted())
            }
            guard let comparisonColumn = Self.comparisonColumn(name, comparison) else {
                let known = Self.comparisonNames(comparison)
                throw ImpactError.unknownCovariate(raw, side: "comparison group", known: known)
            }
            let values = treated.map { participantColumn[$0] } + controls.map { comparisonColumn[$0] }
            let treatedValues = values.prefix(treated.count)
            let controlValues = values.dropFirst(treated.count)
            guard treatedValues.contains(where: { $0 != nil }), controlValues.contains(where: { $0 != nil }) else {
                throw ImpactError.covariateMissingForEveryone(raw)
            }
            let given = values.compactMap { $0 }
            if given.allSatisfy({ Double($0) != nil }) {
                covariates.append(Covariate(name: name, values: values, numbers: values.map { $0.flatMap(Double.init) }, levels: []))
            } else {
                covariates.append(Covariate(name: name, values: values, numbers: nil, levels: Levels.sorted(Set(given))))
            }
        }
    }

    /// Units with every covariate given.
    func isComplete(_ unit: Int) -> Bool { covariates.allSatisfy { $0.values[unit] != nil } }

    /// The comparison people's values of an attribute, by canonical name.
    static func comparisonColumn(_ name: String, _ c: ComparisonGroupSnapshot) -> [String?]? {
        if let own = c.attributes[name] { return own }
        switch name {
        case ColumnName.sex.rawValue: return c.people.map(\.sex)
        case ColumnName.birthYear.rawValue: return c.people.map { $0.birthYear.map(String.init) }
        case "age": return c.people.map { p in p.birthYear.map { String(p.referenceDate.year - $0) } }
        case ColumnName.education.rawValue: return c.people.map(\.education)
        case ColumnName.statusAtEntry.rawValue: return c.people.map(\.statusAtEntry)
        default: return nil
        }
    }

    static func comparisonNames(_ c: ComparisonGroupSnapshot) -> [String] {
        (["age", "birth_year", "education", "sex", "status_at_entry"] + c.attributes.keys).sorted()
    }
}
