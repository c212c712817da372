import EvaluationDomain
import Indicators

/// The key figures a funder reads first (DESIGN §6): people reached, retained,
/// re-employed with the lost-to-follow-up bound, each instrument's mean change
/// with the share improved by at least its MID, and the cost per re-employed
/// participant — short sentences, each with its numerator and denominator.
extension ReportComposer {
    var keyFiguresSection: [ReportDocument.Block] {
        let l = language
        let to = l.date(release.period.to)
        var items: [String] = []
        items.append(
            l.t(
                "**\(inline(release.cohort)) people** enrolled in the programme by \(to); \(inline(release.reach.attendedOnce)) of them took part in at least one meeting in the period.",
                "**\(inline(release.cohort)) persone** iscritte al programma entro il \(to); \(inline(release.reach.attendedOnce)) hanno partecipato ad almeno un incontro nel periodo."
            ))
        let r = release.retention.rate
        let comparator = release.retention.inclusive ? l.t("at least", "almeno il") : l.t("more than", "più del")
        items.append(
            l.t(
                "**\(inline(r.numerator)) of \(inline(r.denominator)) retained** (\(rateText(r))): they attended \(comparator) \(l.threshold(release.retention.threshold)) of their group's meetings.",
                "**\(inline(r.numerator)) su \(inline(r.denominator)) con frequenza regolare** (\(rateText(r))): hanno partecipato a \(comparator) \(l.threshold(release.retention.threshold)) degli incontri del loro gruppo."
            ))
        let w = release.reemployment
        var work = l.t(
            "**\(inline(w.rate.numerator)) of \(inline(w.rate.denominator)) re-employed** (\(rateText(w.rate))): a work experience after enrolling.",
            "**\(inline(w.rate.numerator)) su \(inline(w.rate.denominator)) hanno trovato lavoro** (\(rateText(w.rate))): un'esperienza di lavoro dopo l'iscrizione."
        )
        if case .value(let lost) = w.lostToFollowUp, lost > 0 {
            work += l.t(
                " \(inline(w.lostToFollowUp)) people were lost to follow-up; had they all found work, the share would be \(share(w.rateUpperBound).display).",
                " \(inline(w.lostToFollowUp)) persone non sono più state seguite; se tutte avessero trovato lavoro, la quota sarebbe \(share(w.rateUpperBound).display)."
            )
        }
        items.append(work)
        for change in headlineChanges { items.append(sentence(change)) }
        if let c = release.cost {
            let basis =
                c.declared
                ? l.t("the declared budget", "il budget dichiarato")
                : l.t("the service amounts spent on these people", "gli importi dei servizi erogati a queste persone")
            items.append(
                l.t(
                    "**Cost per re-employed participant: \(money(c.perReemployed, c.currency))** (\(basis), \(l.number(c.total, digits: 0)) \(c.currency), over \(inline(c.reemployed)) people).",
                    "**Costo per persona che ha trovato lavoro: \(money(c.perReemployed, c.currency))** (\(basis), \(l.number(c.total, digits: 0)) \(c.currency), su \(inline(c.reemployed)) persone)."
                ))
        }
        return [.heading(level: 2, text: l.t("Key figures", "Cifre chiave")), .keyFigures(items)]
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
        let points = l.t("points", "punti")
        let change = signed(w.meanChange)
        let ci = intervalText(w.changeLow, w.changeHigh)
        var text = l.t(
            "**\(name): mean change \(change) \(points)** from start to \(wave) (95% CI \(ci)), over \(inline(w.pairs)) people with both questionnaires",
            "**\(name): cambiamento medio \(change) \(points)** dall'ingresso alla rilevazione di \(wave) (IC 95% \(ci)), su \(inline(w.pairs)) persone con entrambi i questionari"
        )
        if let mid = w.instrument.mid, let counts = w.midChange {
            let better = w.instrument.better == .higher ? "" : l.t(" (lower is better)", " (punteggio più basso = meglio)")
            text += l.t(
                "; \(inline(counts.improved)) of \(inline(w.pairs)) improved by at least \(l.number(mid, digits: mid.rounded() == mid ? 0 : 1)) \(points), the minimal important difference\(better).",
                "; \(inline(counts.improved)) su \(inline(w.pairs)) sono migliorate di almeno \(l.number(mid, digits: mid.rounded() == mid ? 0 : 1)) \(points), la differenza minima rilevante\(better)."
            )
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
        return l.t(
            "\(value), 95% CI \(intervalText(r.low, r.high, percent: true))",
            "\(value), IC 95% \(intervalText(r.low, r.high, percent: true))")
    }

    func intervalText(_ low: Released<Double>, _ high: Released<Double>, percent: Bool = false) -> String {
        let l = language
        if let m = marker(low) ?? marker(high) { return m.display }
        guard let lo = low.shown, let hi = high.shown else { return "–" }
        let f = { (x: Double) in percent ? l.percent(x) : l.number(x, digits: 1) }
        return l.t("\(f(lo)) to \(f(hi))", "da \(f(lo)) a \(f(hi))")
    }

    /// A change with its sign (`+4.9`, `−1.2`).
    func signed(_ r: Released<Double>) -> String {
        if let m = marker(r) { return m.display }
        guard let v = r.shown else { return "–" }
        let text = language.number(abs(v), digits: 1)
        return (v < 0 ? "−" : "+") + text
    }

    func money(_ r: Released<Double>, _ currency: String) -> String {
        if let m = marker(r) { return m.display }
        guard let v = r.shown else { return "–" }
        return "\(language.number(v, digits: 0)) \(currency)"
    }
}
