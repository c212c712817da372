import Evaluation
import Testing

@testable import Report

/// The rules of METHODS §5 ("Suppression of partitions", "Nothing derived from a
/// suppressed count is shown", "Markers say what is true", "Small
/// populations") on hand-made ledgers.
@Suite("Disclosure ledger")
struct DisclosureLedgerTests {
    static let policy = Disclosure(threshold: 5, roundingBase: 0)

    /// Registers with `build`, solves, and returns what the second pass releases.
    static func release<T>(_ policy: Disclosure = policy, _ build: (inout DisclosureLedger) -> T) -> T {
        var registering = DisclosureLedger(policy: policy)
        _ = build(&registering)
        var releasing = DisclosureLedger(policy: policy, solution: registering.solve())
        return build(&releasing)
    }

    @Test("a count of 1 to 4 is <5, 0 and 5 are shown; rounding applies to shown counts only")
    func primary() {
        let counts = Self.release { ledger in [0, 1, 4, 5, 12].map { ledger.count("c\($0)", $0) } }
        #expect(counts == [.value(0), .suppressed, .suppressed, .value(5), .value(12)])
        let rounded = Self.release(Disclosure(threshold: 5, roundingBase: 5)) { ledger in [3, 7, 12, 13].map { ledger.count("c\($0)", $0) }
        }
        #expect(rounded == [.suppressed, .value(5), .value(10), .value(15)])
        let off = Self.release(Disclosure(threshold: 0, roundingBase: 0)) { ledger in ledger.count("c", 2) }
        #expect(off == .value(2))
    }

    @Test("a partition with one small part hides the next smallest non-zero part as [c]")
    func partition() {
        let parts = Self.release { ledger -> [Released<Int>] in
            ledger.partition(["a", "b", "c", "d"], total: "t")
            _ = ledger.count("t", 33)
            return [ledger.count("a", 3), ledger.count("b", 0), ledger.count("c", 10), ledger.count("d", 20)]
        }
        #expect(parts == [.suppressed, .value(0), .confidential, .value(20)])
        // Two small parts protect each other.
        let two = Self.release { ledger -> [Released<Int>] in
            ledger.partition(["a", "b", "c"])
            return [ledger.count("a", 3), ledger.count("b", 4), ledger.count("c", 20)]
        }
        #expect(two == [.suppressed, .suppressed, .value(20)])
    }

    @Test("a withheld total whose parts are all shown withholds two parts: their sum would reveal it")
    func withheldTotal() {
        // The cohort of a quarter is withheld (it is a part elsewhere); it is also the total of
        // started + not started, which must not both be shown.
        let cells = Self.release { ledger -> [Released<Int>] in
            ledger.partition(["earlier", "added"], total: "later")
            ledger.partition(["started", "notStarted"], total: "earlier")
            return [
                ledger.count("later", 160), ledger.count("added", 3), ledger.count("earlier", 157), ledger.count("started", 150),
                ledger.count("notStarted", 7),
            ]
        }
        #expect(cells == [.value(160), .suppressed, .confidential, .confidential, .confidential])
    }

    @Test("partitions that share cells are protected to a fixed point")
    func overlapping() {
        // Rows a/b, columns x/y: hiding a.x forces a.y (row), which forces b.y (column), then b.x (row).
        let cells = Self.release { ledger -> [Released<Int>] in
            ledger.partition(["ax", "ay"])
            ledger.partition(["bx", "by"])
            ledger.partition(["ax", "bx"])
            ledger.partition(["ay", "by"])
            return [ledger.count("ax", 2), ledger.count("ay", 10), ledger.count("bx", 30), ledger.count("by", 40)]
        }
        #expect(cells == [.suppressed, .confidential, .confidential, .confidential])
    }

    @Test("a partition protected by its total withholds the total instead of a second part")
    func protectedByTotal() {
        let cells = Self.release { ledger -> [Released<Int>] in
            ledger.partition(["completers", "dropouts"], total: "baseline", protectedByTotal: true)
            return [ledger.count("completers", 50), ledger.count("dropouts", 3), ledger.count("baseline", 53)]
        }
        #expect(cells == [.value(50), .suppressed, .confidential])
    }

    @Test("linked counts are withheld together")
    func links() {
        let cells = Self.release { ledger -> [Released<Int>] in
            ledger.partition(["n", "not_started"], total: "cohort")
            ledger.link(["curve0", "n"])
            return [ledger.count("cohort", 40), ledger.count("n", 38), ledger.count("not_started", 2), ledger.count("curve0", 38)]
        }
        #expect(cells == [.value(40), .confidential, .suppressed, .confidential])
    }

    @Test("a figure that uses a withheld count, or is over fewer than 5 people, is [c]; a missing one is not computable")
    func derived() {
        let figures = Self.release { ledger -> [Released<Double>] in
            _ = ledger.count("x", 3)
            _ = ledger.count("n", 23)
            return [
                ledger.statistic(3.0 / 23, population: 23, uses: ["x", "n"]),
                ledger.statistic(0.5, population: 4),
                ledger.statistic(nil, population: 23),
                ledger.statistic(.nan, population: 23),
                ledger.statistic(0.5, population: 23, uses: ["n"]),
                // Rate of a large denominator whose numerator is small: withheld.
                ledger.statistic(3.0 / 200, population: 200, uses: ["x"]),
            ]
        }
        #expect(figures == [.confidential, .confidential, .notComputable, .notComputable, .value(0.5), .confidential])
    }

    @Test("a scope of fewer than 5 people withholds all its counts alike, zeros included")
    func smallPopulation() {
        let cells = Self.release { ledger -> [Released<Int>] in
            ledger.within("level/", population: 3) { ledger in
                [ledger.count("enrolled", 3), ledger.count("employed", 0), ledger.count("retained", 2)]
            }
        }
        #expect(cells == [.confidential, .confidential, .confidential])
        let table = Self.release { ledger in ledger.count("F", 0, population: 1) }
        #expect(table == .confidential)
    }
}
