import Evaluation
import Foundation
import Testing

@testable import Indicators
@testable import Report

/// Edge cases of `compare` (issue "compare", METHODS §5 "Too few clusters",
/// "Compare with more than two levels", §6): a model that cannot be fitted gives
/// null values and a warning, never a crash and never a silent number.
@Suite("compare edge cases")
struct CompareEdgeCaseTests {
    /// Groups of `sizes` people; `level[g]` is group g's level; `value(g, j)` person j's outcome.
    static func data(
        _ name: String = "y", kind: ComparisonOutcomeKind, sizes: [Int], level: [Int],
        value: (Int, Int) -> Double, event: ((Int, Int) -> Bool)? = nil
    ) -> OutcomeData {
        var d = OutcomeData(name: name, kind: kind, participants: [], values: [], events: [])
        for (g, size) in sizes.enumerated() {
            for j in 0..<size {
                d.participants.append(d.participants.count)
                d.values.append(value(g, j))
                if let event { d.events.append(event(g, j)) }
                d.groups.append(g)
                d.levels.append(level[g])
            }
        }
        return d
    }

    /// The analysis of `d`'s participants, with covariate columns indexed by
    /// participant, released under a suppression threshold (0: none).
    static func analysis(
        _ d: OutcomeData, levels: [String] = ["a", "b"], covariates: [(name: String, values: [String?])] = [],
        constantWithinGroups: Bool = true, threshold: Int = 0
    ) -> ReleasedAnalysis {
        ReleasedAnalysis(
            analysis: OutcomeAnalysis(
                levels: levels, covariates: CovariateDesign(columns: covariates, participants: d.participants),
                constantWithinGroups: constantWithinGroups),
            policy: Disclosure(threshold: threshold, roundingBase: 0))
    }

    /// An outcome analysed, then released as `compare` releases it.
    struct ReleasedAnalysis {
        let analysis: OutcomeAnalysis
        let policy: Disclosure

        func analyse(_ d: OutcomeData) -> OutcomeComparison { release(d).outcome }

        func release(_ d: OutcomeData) -> (outcome: OutcomeComparison, levels: [ReleasedComparison.Level]) {
            ReleasedComparison.release(analysis.analyse(d), policy: policy)
        }
    }

    /// The outcome's JSON with its levels as released without suppression.
    static func json(_ o: OutcomeComparison) -> JSONValue {
        ComparisonJSON.outcome(o, levels: ReleasedComparison.release(o, policy: Disclosure(threshold: 0, roundingBase: 0)).levels)
    }

    /// A deterministic, unremarkable value for person j of group g.
    static func noise(_ g: Int, _ j: Int) -> Double {
        Double((g * 7 + j * 13) % 11) / 3 + Double(g % 3)
    }

    static func expectNullModel(_ o: OutcomeComparison, mentioning words: String, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(!o.adjusted.isEmpty, sourceLocation: sourceLocation)
        for t in o.adjusted {
            #expect(
                t.estimate == nil && t.seModel == nil && t.pModel == nil && t.seCR2 == nil && t.pCR2 == nil
                    && t.seRobust == nil && t.pRobust == nil, "\(t.term) has values", sourceLocation: sourceLocation)
        }
        #expect(
            o.adjustedWarning?.english.contains(words) == true, "warning: \(o.adjustedWarning?.english ?? "none")",
            sourceLocation: sourceLocation)
        let json = Self.json(o)
        #expect(
            json["adjusted"]?.items.allSatisfy { $0["warning"]?.string != nil && $0["estimate"]?.isNull == true } == true,
            sourceLocation: sourceLocation)
        #expect(json["warning"]?.string != nil, sourceLocation: sourceLocation)
    }

    @Test(
        "two groups, one per level: every model null with a warning; randomization over 2 relabelings",
        arguments: [
            ComparisonOutcomeKind.binary, .continuous, .survival,
        ])
    func twoGroups(kind: ComparisonOutcomeKind) {
        let d = Self.data(
            kind: kind, sizes: [12, 15], level: [0, 1],
            value: { g, j in kind == .binary ? Double((g + j) % 3 == 0 ? 1 : 0) : Self.noise(g, j) + 1 },
            event: kind == .survival ? { g, j in (g + j) % 2 == 0 } : nil)
        let o = Self.analysis(d).analyse(d)
        Self.expectNullModel(o, mentioning: "1 group(s)")
        #expect(o.levels.map(\.n) == [12, 15])
        if kind == .continuous {
            #expect(o.mixed?.allSatisfy { $0.estimate == nil } == true)
            #expect(o.mixedWarning != nil)
        }
        if kind != .survival {
            #expect(o.differences.first?.estimate != nil)
            #expect(o.randomization?.relabelings == 2 && o.randomization?.p == 1)
        }
    }

    static let eight = (sizes: [10, 12, 9, 11, 13, 10, 12, 8], level: [0, 1, 0, 1, 0, 1, 0, 1])

    @Test("an outcome nobody of one level has: that level n = 0 and null, models null with a warning, no randomization")
    func emptyLevel() {
        // Only the reference groups have values (as when one level answered no questionnaire).
        var d = Self.data(kind: .continuous, sizes: Self.eight.sizes, level: Self.eight.level, value: Self.noise)
        let keep = d.levels.indices.filter { d.levels[$0] == 0 }
        d = OutcomeData(
            name: d.name, kind: d.kind, participants: keep.map { d.participants[$0] }, values: keep.map { d.values[$0] },
            events: [], groups: keep.map { d.groups[$0] }, levels: keep.map { d.levels[$0] })
        let o = Self.analysis(d).analyse(d)
        #expect(o.levels.map(\.n) == [44, 0])
        #expect(o.levels[1].estimate == nil)
        #expect(o.differences.count == 1 && o.differences[0].estimate == nil && o.differences[0].ciLow == nil)
        Self.expectNullModel(o, mentioning: "0 group(s)")
        #expect(o.randomization == nil && o.randomizationNote != nil)
        let json = Self.json(o)
        #expect(json["difference"]?["estimate"]?.isNull == true)
        #expect(json["levels"]?.items[1]["estimate"]?.isNull == true)
        // An empty level discloses nobody: not a suppression.
        let controlled = Self.analysis(d, threshold: 5).release(d)
        #expect(
            !controlled.outcome.warnings.contains { $0.english.contains("suppressed") } && controlled.levels.allSatisfy { !$0.n.isWithheld }
        )
    }

    @Test("all outcomes equal: no crash, no silent number", arguments: [0.0, 1.0, 2.5])
    func allEqual(value: Double) {
        let kind: ComparisonOutcomeKind = value == 2.5 ? .continuous : .binary
        let d = Self.data(kind: kind, sizes: Self.eight.sizes, level: Self.eight.level, value: { _, _ in value })
        let o = Self.analysis(d).analyse(d)
        #expect(o.levels.map(\.estimate) == [value, value])
        // R: glm converges to ±25.6 with a standard error of 5e4 and lm to an
        // "essentially perfect fit" with noise for t and p; evalrun says the model cannot be fitted.
        Self.expectNullModel(o, mentioning: "constant")
        #expect(o.differences[0].estimate == 0)
        // Every relabeling gives T = 0 = T_obs, so all count: p = 1 (as the R enumeration).
        #expect(o.randomization?.p == 1 && o.randomization?.relabelings == 70)
        // lmer returns 0/0 for the ICC; evalrun gives null.
        #expect(o.icc == nil)
        if kind == .continuous {
            // t.test stops: "data are essentially constant".
            #expect(o.differences[0].ciLow == nil && o.differences[0].ciHigh == nil)
            #expect(o.mixed?.allSatisfy { $0.estimate == nil } == true && o.mixedWarning != nil)
        } else {
            #expect(o.differences[0].ciLow != nil)  // Newcombe's interval exists for 0/n and n/n.
        }
        #expect(Self.json(o).serialised().contains("NaN") == false)
    }

    @Test("time to job with no event: Cox null with a warning, medians null (not reached)")
    func survivalDegenerate() {
        let none = Self.data(kind: .survival, sizes: Self.eight.sizes, level: Self.eight.level, value: Self.noise, event: { _, _ in false })
        let o = Self.analysis(none).analyse(none)
        Self.expectNullModel(o, mentioning: "no job")
        #expect(o.levels.allSatisfy { $0.estimate == nil })
        #expect(o.randomization == nil && o.icc == nil && o.mixed == nil)
        let json = Self.json(o)
        #expect(json["differences"]?.items.count == 1 && json["difference"]?.isNull == true)
    }

    @Test("a continuous outcome the levels fit exactly: linear and mixed models null with a warning")
    func exactFit() {
        let d = Self.data(
            kind: .continuous, sizes: Self.eight.sizes, level: Self.eight.level, value: { g, _ in Double(2 * Self.eight.level[g] + 1) })
        let o = Self.analysis(d).analyse(d)
        Self.expectNullModel(o, mentioning: "exactly")
        #expect(o.mixed?.allSatisfy { $0.estimate == nil } == true && o.mixedWarning != nil)
        #expect(o.differences[0].estimate == 2 && o.differences[0].ciLow == nil)
        #expect(Self.json(o).serialised().contains("NaN") == false)
    }

    @Test("perfect separation: logistic null with a warning")
    func separation() {
        let d = Self.data(kind: .binary, sizes: Self.eight.sizes, level: Self.eight.level, value: { g, _ in Double(Self.eight.level[g]) })
        let o = Self.analysis(d).analyse(d)
        Self.expectNullModel(o, mentioning: "separat")
        #expect(o.differences[0].estimate == 1)
        #expect(o.randomization?.p != nil)
    }

    @Test("every job in one level: Cox null with a warning (monotone likelihood)")
    func coxSeparation() {
        let d = Self.data(
            kind: .survival, sizes: Self.eight.sizes, level: Self.eight.level, value: { g, j in Self.noise(g, j) * 30 + 10 },
            event: { g, _ in Self.eight.level[g] == 1 })
        let o = Self.analysis(d).analyse(d)
        Self.expectNullModel(o, mentioning: "infinite")
    }

    @Test(
        "a covariate constant in the sample: singular design, models null with a warning",
        arguments: ["numeric", "categorical"])
    func constantCovariate(type: String) {
        for kind in [ComparisonOutcomeKind.binary, .continuous, .survival] {
            let d = Self.data(
                kind: kind, sizes: Self.eight.sizes, level: Self.eight.level,
                value: { g, j in kind == .binary ? Double((g + j) % 3 == 0 ? 1 : 0) : Self.noise(g, j) + 1 },
                event: kind == .survival ? { g, j in (g + j) % 2 == 0 } : nil)
            let n = d.participants.count
            let column: [String?] = Array(repeating: type == "numeric" ? "40" : "F", count: n)
            let o = Self.analysis(d, covariates: [("cov", column)]).analyse(d)
            Self.expectNullModel(o, mentioning: "cov")
            if kind == .continuous { #expect(o.mixed?.allSatisfy { $0.estimate == nil } == true && o.mixedWarning != nil) }
            // Unadjusted figures are unaffected.
            #expect(o.differences[0].estimate != nil || kind == .survival)
        }
    }

    @Test("as many parameters as groups: models null with a warning")
    func parametersAsGroups() {
        let d = Self.data(kind: .continuous, sizes: [10, 12, 9, 11], level: [0, 1, 0, 1], value: Self.noise)
        let n = d.participants.count
        let a: [String?] = (0..<n).map { String($0 % 7) }
        let b: [String?] = (0..<n).map { String(($0 * 3) % 5) }
        let o = Self.analysis(d, covariates: [("a", a), ("b", b)]).analyse(d)
        Self.expectNullModel(o, mentioning: "parameters")
    }

    @Test("more than two levels: differences per level, difference null, randomization null, one term per level")
    func threeLevels() {
        let d = Self.data(
            kind: .continuous, sizes: [10, 12, 9, 11, 13, 10, 12, 8, 9], level: [0, 1, 2, 0, 1, 2, 0, 1, 2], value: Self.noise)
        let o = Self.analysis(d, levels: ["a", "b", "c"]).analyse(d)
        #expect(o.differences.map(\.level) == ["b", "c"])
        #expect(o.differences.allSatisfy { $0.estimate != nil && $0.ciLow != nil })
        #expect(o.adjusted.map(\.term) == ["b", "c"])
        #expect(o.adjusted.allSatisfy { $0.estimate != nil && $0.seCR2 != nil })
        #expect(o.randomization == nil && o.randomizationNote?.english.contains("more than two levels") == true)
        #expect(o.mixed?.map(\.term) == ["b", "c"])
        let json = Self.json(o)
        #expect(json["difference"]?.isNull == true)
        #expect(json["differences"]?.items.count == 2)
        #expect(json["randomization"]?.isNull == true)
        #expect(json["mixed_terms"]?.items.count == 2)
        #expect(json["mixed"]?.isNull == true)
    }

    @Test(
        "a level below the suppression threshold: its n and estimate, the other n and its estimate (METHODS §9: withheld with its count), the differences and the models are null"
    )
    func suppression() {
        let d = Self.data(kind: .continuous, sizes: [10, 2, 9, 2, 13, 10], level: [0, 1, 0, 1, 0, 0], value: Self.noise)
        let (o, levels) = Self.analysis(d, threshold: 5).release(d)
        #expect(o.levels.map(\.n) == [42, 4])
        #expect(levels[0].estimate == .confidential && levels[1].estimate == .confidential)
        #expect(o.differences.allSatisfy { $0.estimate == nil && $0.ciLow == nil })
        #expect(o.adjusted.allSatisfy { $0.estimate == nil && $0.seCR2 == nil })
        #expect(o.randomization == nil)
        #expect(o.mixed?.allSatisfy { $0.estimate == nil } == true)
        // The counts add up to the outcome's total: the lone small one (4) takes the next smallest (42) with it.
        #expect(levels.map(\.n) == [.confidential, .suppressed])
        let json = ComparisonJSON.outcome(o, levels: levels)
        #expect(json["levels"]?.items.allSatisfy { $0["n"]?.isNull == true } == true)
        #expect(json["levels"]?.items[1]["estimate"]?.isNull == true)
        #expect(json["levels"]?.items[0]["estimate"]?.isNull == true)
        #expect(json["difference"]?["estimate"]?.isNull == true)
        #expect(json["warning"]?.string?.contains("suppressed") == true)
    }

    @Test("only one level present among the participants: an error, not an analysis")
    func singleLevel() throws {
        let f = try ImportFixture()
        try f.loadBasics()
        let snapshot = try f.store.snapshot()
        let to = try #require(CalendarDate(year: 2016, month: 3, day: 31))
        // company: G1 is Acme, G2 blank (the level "(missing)", left out): one level.
        #expect(throws: ComparisonError.self) {
            try Comparison(snapshot: snapshot, to: to, configuration: f.configuration, attribute: "company")
        }
        do {
            _ = try Comparison(snapshot: snapshot, to: to, configuration: f.configuration, attribute: "company")
        } catch let error as ComparisonError {
            #expect(error.description.contains("nothing to compare"))
        }
        #expect(throws: ComparisonError.self) {
            try Comparison(snapshot: snapshot, to: to, configuration: f.configuration, attribute: "composition", reference: "mixed")
        }
        #expect(throws: ComparisonError.self) {
            try Comparison(snapshot: snapshot, to: to, configuration: f.configuration, attribute: "composition", adjust: ["height"])
        }
    }
}

@Suite("compare --json keys")
struct CompareJSONKeyTests {
    @Test("the document carries METHODS §6's keys, in its order, before any extra key")
    func contractKeys() throws {
        let (snapshot, to) = try CompareFixture.snapshot()
        let comparison = try Comparison(
            snapshot: snapshot, to: to, configuration: ProjectConfiguration(), attribute: "composition", adjust: ["age", "sex"])
        let document = ComparisonJSON(ReleasedComparison(comparison, policy: Disclosure(threshold: 5, roundingBase: 0))).document
        #expect(Array(document.keys.prefix(7)) == ["by", "reference_level", "levels", "cluster", "clusters", "adjust", "outcomes"])
        let outcomeKeys = ["outcome", "kind", "levels", "difference", "differences", "adjusted", "randomization", "icc", "mixed"]
        for o in document["outcomes"]?.items ?? [] {
            #expect(Array(o.keys.prefix(outcomeKeys.count)) == outcomeKeys, "\(o["outcome"]?.string ?? "")")
            for level in o["levels"]?.items ?? [] { #expect(Array(level.keys.prefix(3)) == ["level", "n", "estimate"]) }
            for d in o["differences"]?.items ?? [] { #expect(d.keys == ["level", "estimate", "ci_low", "ci_high"]) }
            let model =
                o["kind"]?.string == "survival"
                ? ["term", "model", "estimate", "se_model", "p_model", "se_robust", "p_robust"]
                : ["term", "model", "estimate", "se_model", "p_model", "se_cr2", "df_cr2", "p_cr2", "ci_low_cr2", "ci_high_cr2"]
            for t in o["adjusted"]?.items ?? [] { #expect(Array(t.keys.prefix(model.count)) == model) }
            if let r = o["randomization"], !r.isNull { #expect(r.keys == ["p", "relabelings", "exact"]) }
            if let m = o["mixed"], !m.isNull { #expect(Array(m.keys.prefix(5)) == ["term", "estimate", "se", "sd_group", "sd_residual"]) }
        }
        #expect(
            document["outcomes"]?.items.compactMap { $0["outcome"]?.string } == [
                "reemployed", "retained", "attendance_rate", "wellbeing_change:RSES", "wellbeing_change:WEMWBS", "time_to_job",
            ])
    }
}

@Suite("compare covariates as the data give them")
struct CompareCovariateTests {
    @Test("a covariate blank for every participant is an error naming it, not a model with 0 groups")
    func covariateMissingForEveryone() throws {
        let (snapshot, to) = try CompareFixture.snapshot()
        #expect {
            _ = try Comparison(
                snapshot: snapshot, to: to, configuration: ProjectConfiguration(), attribute: "composition", adjust: ["unemployed_for"])
        } throws: { error in
            // An unknown name is refused as such; a known one blank for everybody is named as blank.
            "\(error)".contains("unemployed_for")
        }
        let f = try ImportFixture()
        try f.loadBasics()
        _ = try f.importFile(
            .participants,
            f.write("p.csv", "participant_id,group_id,enrolled_on,note\nP1,G1,2016-01-10,\nP2,G1,2016-01-10,\nP3,G2,2016-01-12,\n"))
        let small = try f.store.snapshot()
        let end = try #require(CalendarDate(year: 2016, month: 12, day: 31))
        #expect(throws: ComparisonError.covariateMissingForEveryone("birth_year")) {
            _ = try Comparison(
                snapshot: small, to: end, configuration: ProjectConfiguration(), attribute: "composition", adjust: ["birth_year"])
        }
    }
}
