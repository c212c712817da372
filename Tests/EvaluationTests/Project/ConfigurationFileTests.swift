import Evaluation
import Testing

@testable import Project

@Suite("Configuration file")
struct ConfigurationFileTests {
    @Test("the file init writes parses to the defaults")
    func defaults() throws {
        let parsed = try ConfigurationFile.parse(DefaultConfiguration.text)
        #expect(parsed == ProjectConfiguration())
    }

    @Test("keys are read; a built-in instrument may be redeclared one key at a time")
    func keys() throws {
        let c = try ConfigurationFile.parse(
            """
            [retention]
            threshold = 0.8
            inclusive = true
            [suppression]
            threshold = 10
            round = 5
            [reemployment]
            events = ["tirocinio", "TD", "TI"]
            breakdown = "first"
            window_days = 365
            [instruments.WEMWBS]
            max_missing = 1
            [instruments.AGREE]
            items = 5
            min = 1
            max = 6
            reverse = [1]
            mid = 3
            [columns.participants]
            "codice anonimo" = "participant_id"
            """)
        #expect(c.retentionThreshold == 0.8 && c.retentionInclusive)
        #expect(c.suppressionThreshold == 10 && c.suppressionRound == 5)
        #expect(c.reemploymentEvents == [.traineeship, .fixedTerm, .permanent])
        #expect(c.breakdown == .first && c.windowDays == 365)
        #expect(c.instrument("wemwbs")?.maxMissing == 1)
        #expect(c.instrument("wemwbs")?.mid == 3)
        #expect(c.instrument("AGREE")?.reverse == [1])
        #expect(c.columnMappings[.participants]?["codice anonimo"] == "participant_id")
    }

    @Test(
        "an unknown key or a wrong type is an error naming the line",
        arguments: [
            ("[retention]\nthreshold = 0.75\ncolour = 3\n", 3, "unknown key 'colour'"),
            ("[suppression]\n\nthreshold = \"five\"\n", 3, "must be a whole number"),
            ("[instruments.X]\nitems = 3\nmin = 1\nmax = 5\nreverse = [4]\n", 5, "reverse item 4"),
            ("[retention\nthreshold = 1\n", 1, ""),
            ("[targets]\nretention_rate = 0.7\nhappiness = 3\n", 3, "unknown figure 'happiness'"),
            ("[targets]\nreemployment_rate = 40\n", 2, "a share between 0 and 1"),
            ("[targets.\"2016\"]\nenrolled = \"many\"\n", 2, "must be a number"),
            ("[jobs]\ngap_days = -1\n", 2, "gap_days must be 0"),
            ("[jobs]\ngap = 30\n", 2, "unknown key 'gap'"),
        ])
    func errors(text: String, line: Int, message: String) {
        #expect {
            try ConfigurationFile.parse(text)
        } throws: { error in
            guard let e = error as? ConfigurationError else { return false }
            return e.line == line && e.message.contains(message)
        }
    }

    @Test("targets: general ones, dotted names, a period's own replacing the general one of the same figure")
    func targets() throws {
        let c = try ConfigurationFile.parse(
            """
            [targets]
            retention_rate = 0.7
            enrolled = 150
            wellbeing_change.WEMWBS = 3
            period_activity.first_jobs = 10

            [targets."2016"]
            enrolled = 20
            """)
        let y2016 = try #require(Period(parsing: "2016"))
        let y2017 = try #require(Period(parsing: "2017"))
        let names = { (p: Period) in Dictionary(uniqueKeysWithValues: c.targets(for: p).map { ($0.indicator, $0.value) }) }
        #expect(names(y2017) == ["retention_rate": 0.7, "enrolled": 150, "wellbeing_change.WEMWBS": 3, "period_activity.first_jobs": 10])
        #expect(names(y2016)["enrolled"] == 20 && names(y2016).count == 4)
    }

    @Test("[jobs] gap_days is read (default 30)")
    func jobs() throws {
        #expect(ProjectConfiguration().jobGapDays == 30)
        #expect(try ConfigurationFile.parse("[jobs]\ngap_days = 14\n").jobGapDays == 14)
    }

    @Test("target status: the interval decides; a cost is met below; a count is met when reached")
    func targetStatus() {
        #expect(Target.status(actual: 0.36, low: 0.29, high: 0.43, target: 0.2, lowerIsBetter: false) == .met)
        #expect(Target.status(actual: 0.36, low: 0.29, high: 0.43, target: 0.5, lowerIsBetter: false) == .notMet)
        #expect(Target.status(actual: 0.36, low: 0.29, high: 0.43, target: 0.3, lowerIsBetter: false) == .uncertain)
        #expect(Target.status(actual: 0.36, low: 0.29, high: 0.43, target: 0.29, lowerIsBetter: false) == .uncertain)
        #expect(Target.status(actual: 5, low: 4, high: 6, target: 7, lowerIsBetter: true) == .met)
        #expect(Target.status(actual: 1126, low: nil, high: nil, target: 1000, lowerIsBetter: true) == .notMet)
        #expect(Target.status(actual: 160, low: nil, high: nil, target: 160, lowerIsBetter: false) == .met)
        #expect(Target.status(actual: nil, low: nil, high: nil, target: 1, lowerIsBetter: false) == .notObservable)
    }
}
