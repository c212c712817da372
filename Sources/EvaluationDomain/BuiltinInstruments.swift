/// The instruments evalrun knows without configuration (METHODS §3), by their
/// public scoring rules. A project may redeclare any key of them in
/// `evalrun.toml`; the other keys keep these values.
public enum BuiltinInstruments {
    /// Warwick–Edinburgh Mental Wellbeing Scale: 14 items 1–5, sum 14–70, MID 3.
    public static let wemwbs = Instrument(id: "WEMWBS", items: 14, min: 1, max: 5, mid: 3)

    /// Short WEMWBS: 7 items 1–5; the raw sum 7–35 is converted to the Rasch
    /// metric score by the published conversion table (Stewart-Brown et al.
    /// 2009, as distributed with the SWEMWBS scoring guidance); MID 1 metric point.
    public static let swemwbs = Instrument(
        id: "SWEMWBS", items: 7, min: 1, max: 5, mid: 1, conversion: swemwbsMetric)

    /// Rosenberg self-esteem scale: 10 items 0–3, items 2, 5, 6, 8, 9 reversed, sum 0–30.
    public static let rses = Instrument(id: "RSES", items: 10, min: 0, max: 3, reverse: [2, 5, 6, 8, 9])

    /// General Health Questionnaire, 12 items 0–3 (already keyed), Likert sum 0–36, lower is better.
    public static let ghq12 = Instrument(id: "GHQ12", items: 12, min: 0, max: 3, better: .lower)

    /// The GHQ method of scoring the GHQ-12 answers: items 0,0,1,1, sum 0–12, lower is better.
    public static let ghq12Method = Instrument(
        id: "GHQ12-GHQ", items: 12, min: 0, max: 3, better: .lower, itemRecode: [0: 0, 1: 0, 2: 1, 3: 1],
        scoresAnswersOf: "GHQ12")

    /// General self-efficacy scale: 10 items 1–4, sum 10–40.
    public static let gse = Instrument(id: "GSE", items: 10, min: 1, max: 4)

    /// Patient Health Questionnaire-9: 9 items 0–3, sum 0–27, lower is better.
    public static let phq9 = Instrument(id: "PHQ9", items: 9, min: 0, max: 3, better: .lower)

    /// Every built-in instrument.
    public static let all: [Instrument] = [wemwbs, swemwbs, rses, ghq12, ghq12Method, gse, phq9]

    /// SWEMWBS raw sum → metric score.
    static let swemwbsMetric: [Int: Double] = [
        7: 7.00, 8: 9.51, 9: 11.25, 10: 12.40, 11: 13.33, 12: 14.08, 13: 14.75, 14: 15.32,
        15: 15.84, 16: 16.36, 17: 16.88, 18: 17.43, 19: 17.98, 20: 18.59, 21: 19.25,
        22: 19.98, 23: 20.73, 24: 21.54, 25: 22.35, 26: 23.21, 27: 24.11, 28: 25.03,
        29: 26.02, 30: 27.03, 31: 28.13, 32: 29.31, 33: 30.70, 34: 32.55, 35: 35.00,
    ]
}
