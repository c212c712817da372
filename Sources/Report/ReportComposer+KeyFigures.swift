import EvaluationDomain
import Indicators

/// The key figures a funder reads first (METHODS §6): people reached, retained,
/// re-employed with the lost-to-follow-up bound, each instrument's mean change
/// with the share improved by at least its MID, and the cost per re-employed
/// participant — short sentences, each with its numerator and denominator.
extension ReportComposer {
    func keyFiguresSection(_ columns: [ReportDocument.Block]) -> [ReportDocument.Block] {
        let l = language
        let to = l.date(release.period.to)
        var items: [String] = []
        if let reach = release.reach {
            items.append(
                l.text("report.keyfigures.people_enrolled_in_the_programme_by", inline(release.cohort), to, inline(reach.attendedOnce)))
        }
        if let retention = release.retention {
            let r = retention.rate
            let comparator = retention.inclusive ? l.text("report.keyfigures.at_least") : l.text("report.keyfigures.more_than")
            items.append(
                l.text(
                    "report.keyfigures.of_retained_they_attended_of_their", inline(r.numerator), inline(r.denominator), rateText(r),
                    comparator, l.threshold(retention.threshold)))
        }
        if let w = release.reemployment {
            let counted = configuration.reemploymentEvents.map { words.outcomeType($0).lowercased() }.joined(separator: ", ")
            var work = l.text(
                "report.keyfigures.of_re_employed_a_work_experience", inline(w.rate.numerator), inline(w.rate.denominator),
                rateText(w.rate), counted)
            if case .value(let lost) = w.lostToFollowUp, lost > 0 {
                work += l.text("report.keyfigures.people_were_lost_to_follow_up", inline(w.lostToFollowUp), share(w.rateUpperBound).display)
            }
            items.append(work)
        }
        if let jobs = release.units.compactMap({ $0 as? JobsUnit.Figures }).first {
            let r = jobs.sixMonths.rate
            if case .value(let n) = r.denominator, n > 0 {
                items.append(l.text("report.keyfigures.jobs_six_months", inline(r.numerator), inline(r.denominator), rateText(r)))
            }
        }
        for change in headlineChanges { items.append(sentence(change)) }
        if let c = release.cost { items.append(spendSentence(c)) }
        return [.heading(level: 2, text: l.text("report.keyfigures.key_figures"))] + columns + [.keyFigures(items)]
    }

    /// One change per instrument: baseline → end where there is one, else the first wave.
    var headlineChanges: [ReleasedWellbeingChange] {
        var seen: Set<String> = []
        let ordered = release.wellbeing.filter { $0.wave == .end } + release.wellbeing.filter { $0.wave != .end }
        return ordered.filter { seen.insert($0.instrument.id).inserted }
    }

    func sentence(_ w: ReleasedWellbeingChange) -> String {
        let l = language
        let name = words.instrument(w.instrument.id)
        let wave = words.wave(w.wave)
        let points = l.text("report.keyfigures.points")
        let change = signed(w.meanChange)
        let ci = intervalText(w.changeLow, w.changeHigh)
        let range = w.instrument.scoreRange
        let level = { (x: Released<Double>) in self.marker(x)?.display ?? x.shown.map { l.number($0, digits: 1) } ?? "–" }
        var text = l.text(
            "report.keyfigures.mean_change_from_start_to_95", name, change, points, wave, ci, inline(w.pairs),
            l.number(range.lowerBound, digits: range.lowerBound.rounded() == range.lowerBound ? 0 : 1),
            l.number(range.upperBound, digits: range.upperBound.rounded() == range.upperBound ? 0 : 1), level(w.meanBaseline),
            level(w.meanWave))
        if let mid = w.instrument.mid, let counts = w.midChange {
            let better = w.instrument.better == .higher ? "" : l.text("report.keyfigures.lower_is_better")
            text += l.text(
                "report.keyfigures.of_improved_by_at_least_the", inline(counts.improved), inline(w.pairs),
                l.number(mid, digits: mid.rounded() == mid ? 0 : 1), points, better)
        } else {
            text += "."
        }
        return text
    }

    /// `61.9%, 95% CI 54.2% to 69.0%`, or the marker of a withheld rate.
    func rateText(_ r: ReleasedRate) -> String {
        let l = language
        let value = share(r.value).display
        guard r.low.shown != nil, r.high.shown != nil else { return value }
        return l.text("report.keyfigures.95_ci", value, intervalText(r.low, r.high, percent: true))
    }

    func intervalText(_ low: Released<Double>, _ high: Released<Double>, percent: Bool = false) -> String {
        let l = language
        if let m = marker(low) ?? marker(high) { return m.display }
        guard let lo = low.shown, let hi = high.shown else { return "–" }
        let f = { (x: Double) in percent ? l.percent(x) : l.number(x, digits: 1) }
        return l.text("report.keyfigures.to", f(lo), f(hi))
    }

    /// A change with its sign (`+4.9`, `−1.2`).
    func signed(_ r: Released<Double>) -> String {
        if let m = marker(r) { return m.display }
        guard let v = r.shown else { return "–" }
        let text = language.number(abs(v), digits: 1)
        return (v < 0 ? "−" : "+") + text
    }

    /// What the spend per person re-employed divides, named (METHODS §9 *Cost per outcome*):
    /// the budget, or the service amounts by service; over whom (everyone enrolled by
    /// the period's end) and when (since the start, with the period's own spend beside it).
    func spendSentence(_ c: ReleasedCost) -> String {
        let l = language
        let amount = { (x: Double) in "\(l.number(x, digits: 0)) \(c.currency)" }
        let basis =
            c.declared
            ? l.text("report.keyfigures.spend_basis_budget", amount(c.total))
            : l.text(
                "report.keyfigures.spend_basis_services", amount(c.total),
                c.byService.map { "\(words.service($0.service)) \(money($0.amount, c.currency))" }
                    .joined(separator: ", "))
        let inPeriod =
            c.declared ? "" : l.text("report.keyfigures.spend_in_period", l.period(release.period), money(c.inPeriod, c.currency))
        return l.text(
            "report.keyfigures.spend_per_person_reemployed", money(c.perReemployed, c.currency), basis, inline(c.enrolled),
            l.date(release.period.to), inline(c.reemployed), money(c.perEnrolled, c.currency),
            money(c.perRetained, c.currency), inPeriod)
    }

    func money(_ r: Released<Double>, _ currency: String) -> String {
        if let m = marker(r) { return m.display }
        guard let v = r.shown else { return "–" }
        return "\(language.number(v, digits: 0)) \(currency)"
    }
}
