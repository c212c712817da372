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
        if let failure = ownFailure(error) {
            Terminal.error(failure.message)
            return failure.code
        }
        if let error = error as? ExitCode { return error.rawValue }
        return parserOrInternal(error)
    }

    /// The message and exit code of a failure evalrun names itself; `nil` for any other error.
    private static func ownFailure(_ error: any Error) -> (message: String, code: Int32)? {
        switch error {
        case let error as ImportError: return (error.description, invalidInput)
        case let error as CSVError: return (error.description + "\nnothing was imported", invalidInput)
        case let error as ConfigurationError: return (error.description, invalidInput)
        case let error as ComparisonError: return ("error: \(error.description)", code(for: error))
        case let error as ImpactError: return ("error: \(error.description)", code(for: error))
        case let error as SubgroupError: return ("error: \(error.description)", usage)
        case let error as FunderReportError: return ("error: \(error.description)", invalidInput)
        case let error as InputFailure: return (error.description, invalidInput)
        case let error as PseudonymisationError: return ("error: \(error.description)", usage)
        case let error as OutputFolderRefusal: return ("error: \(error.description)", usage)
        case let error as ReportWriteError: return ("error: \(error.description)", `internal`)
        case let error as StoreError: return (error.description, `internal`)
        case let error as UsageFailure: return ("error: \(error.message)", usage)
        default: return nil
        }
    }

    /// A comparison's failure is a usage mistake, except a covariate the data
    /// leave blank: a fact of the input, not a mistyped option.
    private static func code(for error: ComparisonError) -> Int32 {
        if case .covariateMissingForEveryone = error { return invalidInput }
        return usage
    }

    /// An impact analysis's failure is a usage mistake when an option asks
    /// for what cannot be done, else invalid input.
    private static func code(for error: ImpactError) -> Int32 {
        switch error {
        case .noCovariates, .unknownCovariate, .unsupportedHorizon: return usage
        default: return invalidInput
        }
    }

    /// Argument parsing's outcomes (help and version print to standard
    /// output and succeed; validation failures are usage mistakes) and any
    /// other error, which is internal.
    private static func parserOrInternal(_ error: any Error) -> Int32 {
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

/// Invalid input found by the runner itself (a missing file, an empty folder).
struct InputFailure: Error, CustomStringConvertible {
    var description: String
}

/// A usage mistake not caught by argument parsing (exit 2).
struct UsageFailure: Error {
    var message: String
}
