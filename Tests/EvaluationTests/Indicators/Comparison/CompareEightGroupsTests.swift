import Evaluation
import Foundation
import Testing

@testable import Indicators

/// `evalrun compare` on the committed synthetic programme with 8 groups
/// (Fixtures/compare-8groups): the analysis data is pinned by data.csv, and
/// every number of the `--json` document is checked against R (generate.R:
/// glm, lm, clubSandwich CR2 + Satterthwaite, coxph with cluster, lmer, an
/// exact randomization test by combn, Newcombe and Welch differences, survfit
/// medians), by composition alone and adjusted for age and sex.
@Suite("compare on an 8-group programme against R")
struct CompareEightGroupsTests {
    /// generate.R's analyses: compared attribute and covariates.
    static let analyses: [(by: String, adjust: [String])] = [
        ("composition", []), ("composition", ["age", "sex"]), ("site", []), ("sex", ["age"]),
    ]

    func comparison(by attribute: String = "composition", adjust: [String]) throws -> (Comparison, ProgrammeSnapshot) {
        let (snapshot, to) = try CompareFixture.snapshot()
        let comparison = try Comparison(
            snapshot: snapshot, to: to, configuration: ProjectConfiguration(), attribute: attribute,
            adjust: adjust)
        return (comparison, snapshot)
    }

    @Test("evalrun derives every participant's outcomes as derive.py does from the raw exports")
    func analysisData() throws {
        let (comparison, snapshot) = try comparison(adjust: [])
        let text = CompareFixture.dataCSV(comparison, snapshot: snapshot, attributes: ["composition", "site", "age", "sex"])
        // data.csv is written by Fixtures/compare-8groups/derive.py (Python's standard
        // library and the definitions of docs/METHODS.md, nothing of evalrun): `python3 derive.py > data.csv`.
        let committed = String(decoding: try Fixture.data(CompareFixture.name, "data.csv"), as: UTF8.self)
        #expect(text == committed)
        #expect(comparison.clusters == 8)
        #expect(comparison.groupsPerLevel == ["heterogeneous": 4, "homogeneous": 4])
    }

    @Test("every number of compare --json matches R", arguments: 0..<4)
    func matchesR(analysis: Int) throws {
        let expected = try Fixture.json(RJSON.self, CompareFixture.name)
        let r = expected["analyses"]?.array[analysis] ?? .null
        let (by, adjust) = Self.analyses[analysis]
        #expect(r["by"]?.string == by && r["adjust"]?.array.compactMap(\.string) == adjust)
        let (comparison, _) = try comparison(by: by, adjust: adjust)
        let document = ComparisonJSON(ReleasedComparison(comparison, policy: Disclosure(threshold: 0, roundingBase: 0))).document
        #expect(document["by"]?.string == by)
        #expect(document["adjust"]?.items.compactMap(\.string) == adjust)
        let reference = ReferenceComparison()
        reference.compareOutcomes(document, r, label: r["name"]?.string ?? "")
        print("compare-8groups \(r["name"]?.string ?? ""): worst relative error vs R\n\(reference.summary)")
    }

    @Test("the logistic by-term carries the wild cluster score bootstrap of Fixtures/wild-bootstrap-logistic; covariates and Cox do not")
    func logisticWildBootstrap() throws {
        let reference = try #require(
            try JSONSerialization.jsonObject(with: Fixture.data("wild-bootstrap-logistic", "expected.json")) as? [String: Any])
        let cases = reference["cases"] as? [[String: Any]] ?? []
        for adjust in [[], ["age", "sex"]] {
            let (comparison, _) = try comparison(adjust: adjust)
            let document = ComparisonJSON(ReleasedComparison(comparison, policy: Disclosure(threshold: 0, roundingBase: 0))).document
            for outcome in document["outcomes"]?.items ?? [] {
                let name = outcome["outcome"]?.string ?? ""
                for term in outcome["adjusted"]?.items ?? [] {
                    let wild = term["wild_bootstrap"]
                    switch (term["model"]?.string, term["term"]?.string) {
                    case ("logistic", "homogeneous"):
                        let label = "8groups \(name)\(adjust.isEmpty ? "" : " adjusted")"
                        let expected = try #require(cases.first { $0["name"] as? String == label }?["p"] as? Double, "\(label)")
                        #expect(wild?["weights"]?.string == "rademacher", "\(label)")
                        #expect(wild?["enumerated"] == .bool(true) && wild?["draws"]?.number == 256, "\(label)")
                        #expect(wild?["ci_low"]?.isNull == true && wild?["ci_high"]?.isNull == true, "\(label)")
                        expectClose(wild?["p"]?.number, expected, rtol: 1e-12, "\(label)")
                    case ("logistic", _),
                        ("linear", _) where term["term"]?.string != "homogeneous":
                        #expect(wild?.isNull == true, "\(name) \(term["term"]?.string ?? "")")
                    case ("cox", _):
                        #expect(wild == nil, "\(name)")
                    default:
                        #expect(wild?["p"]?.number != nil, "\(name)")
                    }
                }
            }
        }
    }
}

extension ReferenceComparison {
    /// Each R outcome against the document's outcome of that name; R's
    /// `mixed_default` (lmer's default optimiser) at 1e-5 on the estimate and
    /// its standard error, the contract's `mixed` against the tight fit.
    func compareOutcomes(_ document: JSONValue, _ r: RJSON, label: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let outcomes = document["outcomes"]?.items ?? []
        let expected = r["outcomes"]?.array ?? []
        #expect(outcomes.map { $0["outcome"]?.string } == expected.map { $0["outcome"]?.string }, sourceLocation: sourceLocation)
        for e in expected {
            guard let name = e["outcome"]?.string, case .object(var fields) = e,
                let actual = outcomes.first(where: { $0["outcome"]?.string == name })
            else {
                Issue.record("\(label): outcome missing", sourceLocation: sourceLocation)
                continue
            }
            if let mixedDefault = fields.removeValue(forKey: "mixed_default"), let mixed = actual["mixed"] {
                for key in ["estimate", "se"] {
                    if let value = mixedDefault[key] {
                        compare(
                            mixed[key], value, quantity: "mixed_default.\(key)", path: "\(label).\(name).mixed_default.\(key)",
                            sourceLocation: sourceLocation)
                    }
                }
            }
            compare(actual, .object(fields), quantity: "", path: "\(label).\(name)", sourceLocation: sourceLocation)
            // `difference` is the single element of `differences` with two levels, else null; null for time_to_job.
            let differences = actual["differences"]?.items ?? []
            if differences.count == 1 && actual["kind"]?.string != "survival" {
                #expect(actual["difference"] == differences[0], "\(label).\(name).difference", sourceLocation: sourceLocation)
            } else {
                #expect(actual["difference"]?.isNull == true, "\(label).\(name).difference", sourceLocation: sourceLocation)
            }
        }
    }
}
