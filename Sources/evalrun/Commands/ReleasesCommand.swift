import ArgumentParser
import Evaluation
import Foundation

struct ReleasesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "releases",
        abstract: "List what reports and comparisons of this database released (or forget it).",
        discussion: """
            Every report and comparison made without --no-suppress records the counts it showed and withheld.
            A later release withholds a count whose difference from an earlier released one would give
            fewer than the threshold of people back (two quarterly reports subtracted, --by site against
            --by group_id). --forget clears the record: later releases are then checked against nothing
            earlier, so forget only what was never sent to anyone.
            """)

    @OptionGroup var global: GlobalOptions

    @Flag(help: "Forget every recorded release (asks for confirmation; --yes confirms without asking).")
    var forget = false

    @Flag(help: "Confirm --forget without asking.")
    var yes = false

    func validate() throws {
        if yes && !forget { throw ValidationError("--yes goes with --forget") }
    }

    func run() async throws {
        let store = try global.openStore()
        if forget {
            let records = try store.releaseRecords()
            guard !records.isEmpty else {
                Terminal.note("no release recorded: nothing to forget", quiet: global.quiet)
                return
            }
            if !yes {
                guard isatty(STDIN_FILENO) == 1 else {
                    throw UsageFailure(message: "releases --forget asks for confirmation: run it on a terminal, or add --yes")
                }
                FileHandle.standardError.write(
                    Data("forget the \(records.count) recorded release(s)? later reports will not be checked against them [y/N] ".utf8))
                let answer = readLine()?.trimmingCharacters(in: .whitespaces).lowercased() ?? ""
                guard ["y", "yes", "s", "sì", "si"].contains(answer) else {
                    Terminal.note("nothing forgotten", quiet: global.quiet)
                    return
                }
            }
            let forgotten = try store.forgetReleases()
            Terminal.note("forgot \(forgotten) release(s)", quiet: global.quiet)
            return
        }
        let records = try store.releaseRecords()
        guard !records.isEmpty else {
            print("no release recorded yet (reports and comparisons made without --no-suppress are recorded)")
            return
        }
        print("released at            command  counts shown  withheld  options")
        for r in records {
            let when = r.releasedAt.padding(toLength: 22, withPad: " ", startingAt: 0)
            let command = r.command.padding(toLength: 8, withPad: " ", startingAt: 0)
            let shown = String(r.released).leftPadded(12)
            let withheld = String(r.withheld).leftPadded(9)
            print("\(when) \(command) \(shown) \(withheld)  \(r.options)")
        }
    }
}

extension String {
    fileprivate func leftPadded(_ width: Int) -> String {
        count >= width ? self : String(repeating: " ", count: width - count) + self
    }
}
