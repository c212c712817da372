import ArgumentParser

/// "did you mean 'report'?" for a mistyped subcommand (`evalrun reprot`),
/// which the argument parser only calls an unexpected argument.
enum SubcommandSuggestion {
    static let names = Evalrun.configuration.subcommands.map { $0._commandName } + ["help"]

    /// The message for a first argument that is not a subcommand but close to one; `nil` otherwise.
    static func message(for argument: String?) -> String? {
        guard let argument, !argument.hasPrefix("-"), !names.contains(argument) else { return nil }
        let ranked = names.map { ($0, distance(argument.lowercased(), $0)) }.sorted { $0.1 < $1.1 }
        guard let best = ranked.first, best.1 <= max(2, best.0.count / 3) else {
            return "error: '\(argument)' is not a command (commands: \(names.joined(separator: ", ")))"
        }
        return "error: '\(argument)' is not a command; did you mean '\(best.0)'? (see evalrun --help)"
    }

    /// Damerau–Levenshtein distance (adjacent transpositions count one).
    static func distance(_ a: String, _ b: String) -> Int {
        let x = Array(a)
        let y = Array(b)
        var d = Array(repeating: Array(repeating: 0, count: y.count + 1), count: x.count + 1)
        for i in 0...x.count { d[i][0] = i }
        for j in 0...y.count { d[0][j] = j }
        guard !x.isEmpty, !y.isEmpty else { return max(x.count, y.count) }
        for i in 1...x.count {
            for j in 1...y.count {
                let cost = x[i - 1] == y[j - 1] ? 0 : 1
                d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
                if i > 1, j > 1, x[i - 1] == y[j - 2], x[i - 2] == y[j - 1] { d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1) }
            }
        }
        return d[x.count][y.count]
    }
}
