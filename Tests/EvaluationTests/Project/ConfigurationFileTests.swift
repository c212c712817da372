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
        ])
    func errors(text: String, line: Int, message: String) {
        #expect {
            try ConfigurationFile.parse(text)
        } throws: { error in
            guard let e = error as? ConfigurationError else { return false }
            return e.line == line && e.message.contains(message)
        }
    }
}
