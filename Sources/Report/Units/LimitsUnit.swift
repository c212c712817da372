import EvaluationDomain
import Indicators
import Statistics
import Store

/// What these figures cannot show (METHODS §9 *Limits box*), in plain words right
/// after the key figures: without a comparison group no change is the programme's
/// doing; how many of the enrolled answered both questionnaires; where the jobs come
/// from (the outcomes file's `source`); the change at follow-up beside the change at
/// the end. `summary.json` `limits`.
struct LimitsUnit: ReportUnit {
    struct Figures: ReleasedUnit {
        struct Answered: Sendable {
            var instrument: Instrument
            var pairs: Released<Int>
            var share: Released<Double>
            var changeAtEnd: Released<Double>
            var followUpPairs: Released<Int>?
            var changeAtFollowUp: Released<Double>?
        }

        var enrolled: Released<Int>
        var answered: [Answered]
        /// Source of each re-employed person's first job → people (blank sources as "").
        var sources: [(source: String, people: Released<Int>)]

        var key: String { "limits" }
        var placement: ReportUnitPlacement { .afterKeyFigures }
        var json: JSONValue {
            .object([
                ("comparison_group", .bool(false)),
                (
                    "questionnaires",
                    .array(
                        answered.map { a in
                            .object([
                                ("instrument", .string(a.instrument.id)), ("with_both", .of(a.pairs)), ("share_of_enrolled", .of(a.share)),
                                ("mean_change_end", .of(a.changeAtEnd)),
                                ("with_followup", a.followUpPairs.map { .of($0) } ?? .null),
                                ("mean_change_followup", a.changeAtFollowUp.map { .of($0) } ?? .null),
                            ])
                        })
                ),
                (
                    "job_sources",
                    .array(
                        sources.map { .object([("source", $0.source.isEmpty ? .null : .string($0.source)), ("people", .of($0.people))]) })
                ),
            ])
        }

        func blocks(_ composer: ReportComposer) -> [ReportDocument.Block] {
            let l = composer.language
            var items = [l.text("limits.no_comparison_group")]
            for a in answered {
                var line = l.text(
                    "limits.answered_both", composer.inline(a.pairs), composer.inline(enrolled), composer.share(a.share).display,
                    composer.words.instrument(a.instrument.id), composer.signed(a.changeAtEnd))
                if let pairs = a.followUpPairs, let change = a.changeAtFollowUp {
                    line += l.text("limits.at_followup", composer.signed(change), composer.inline(pairs))
                }
                items.append(line)
            }
            if !sources.isEmpty {
                let named = sources.map { s in
                    (s.source.isEmpty ? l.text("limits.source_blank") : s.source) + " " + composer.inline(s.people)
                }
                items.append(l.text("limits.job_sources", named.joined(separator: ", ")))
            }
            return [.heading(level: 3, text: l.text("limits.heading")), .bullets(items)]
        }
    }

    func release(_ e: ProgrammeEvaluation, after released: ReleasedEvaluation, _ ledger: inout DisclosureLedger) -> any ReleasedUnit {
        let cohort = e.cohort.count
        let enrolled = ledger.count("cohort", cohort)
        var answered: [Figures.Answered] = []
        for end in e.wellbeing.changes where end.wave == .end {
            // The same keys as the wellbeing table: the same numbers are withheld alike.
            let key = WellbeingUnit.changeKey(end)
            let n = end.pairedT.n
            let pairs = ledger.count(key + "pairs", n)
            let followUp = e.wellbeing.changes.first { $0.wave == .followup && $0.instrument.id == end.instrument.id }
            answered.append(
                Figures.Answered(
                    instrument: end.instrument, pairs: pairs,
                    share: ledger.derived(uses: [key + "pairs", "cohort"], population: cohort) {
                        $0[1] > 0 ? Double($0[0]) / Double($0[1]) : nil
                    },
                    changeAtEnd: ledger.linked(end.pairedT.meanChange, population: n, uses: [key + "pairs"]),
                    followUpPairs: followUp.map { ledger.count(WellbeingUnit.changeKey($0) + "pairs", $0.pairedT.n) },
                    changeAtFollowUp: followUp.map {
                        ledger.linked($0.pairedT.meanChange, population: $0.pairedT.n, uses: [WellbeingUnit.changeKey($0) + "pairs"])
                    }))
        }
        // The source of each re-employed person's first counted job.
        var bySource: [String: Int] = [:]
        for p in e.reemployment.people where p.employed { bySource[p.firstSource ?? "", default: 0] += 1 }
        let names = bySource.keys.sorted { ($0.isEmpty ? 1 : 0, $0) < ($1.isEmpty ? 1 : 0, $1) }
        let keys = names.map { "limits/source/\($0)" }
        let sources = zip(names, keys).map { name, key in (source: name, people: ledger.count(key, bySource[name] ?? 0)) }
        ledger.partition(keys, total: "reemployment.employed")
        return Figures(enrolled: enrolled, answered: answered, sources: bySource.isEmpty ? [] : sources)
    }
}
