import ArgumentParser
import Evaluation
import Foundation

/// Where errors become exit codes and messages (one place, as the contract asks).
enum ExitStatus {
    static let ok: Int32 = 0
    static let invalidInput: Int32 = 1
    static let usage: Int32 = 2
    static let `internal`: Int32 = 3

    /// Prints `error` where it belongs and returns the exit code.
    static func report(_ error: any Error) -> Int32 {
        switch error {
        case let error as ImportError:
            Terminal.error(error.description)
            return invalidInput
        case let error as CSVError:
            Terminal.error(error.description + "\nnothing was imported")
            return invalidInput
        case let error as ConfigurationError:
            Terminal.error(error.description)
            return invalidInput
        case let error as ComparisonError:
            Terminal.error("error: \(error.description)")
            // A covariate the data leave blank is a fact of the input, not a mistyped option.
            if case .covariateMissingForEveryone = error { return invalidInput }
            return usage
        case let error as ImpactError:
            Terminal.error("error: \(error.description)")
            switch error {
            case .noCovariates, .unknownCovariate, .unsupportedHorizon: return usage
            default: return invalidInput
            }
        case let error as SubgroupError:
            Terminal.error("error: \(error.description)")
            return usage
        case let error as FunderReportError:
            Terminal.error("error: \(error.description)")
            return invalidInput
        case let error as InputFailure:
            Terminal.error(error.description)
            return invalidInput
        case let error as PseudonymisationError:
            Terminal.error("error: \(error.description)")
            return usage
        case let error as OutputFolderRefusal:
            Terminal.error("error: \(error.description)")
            return usage
        case let error as ReportWriteError:
            Terminal.error("error: \(error.description)")
            return `internal`
        case let error as StoreError:
            Terminal.error(error.description)
            return `internal`
        case let error as UsageFailure:
            Terminal.error("error: \(error.message)")
            return usage
        case let error as ExitCode:
            return error.rawValue
        default:
            let code = Evalrun.exitCode(for: error)
            if code == .success {
                print(Evalrun.fullMessage(for: error))
                return ok
            }
            if code == .validationFailure || error is CleanExit {
                Terminal.error(Evalrun.fullMessage(for: error))
                return usage
            }
            Terminal.error("internal error: \(error)")
            return `internal`
        }
    }
}

/// Invalid input found by the runner itself (a missing file, an empty folder).
struct InputFailure: Error, CustomStringConvertible {
    var description: String
}

/// A usage mistake not caught by argument parsing (exit 2).
struct UsageFailure: Error {
    var message: String
}
