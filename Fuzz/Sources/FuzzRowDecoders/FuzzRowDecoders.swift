import Evaluation
import Foundation
import FuzzerDriver

// Fuzzes the row decoders through the real import path: the first byte picks a
// file kind (and, for attendance, long or wide), the rest is the file, imported
// as a dry run into an in-memory store holding two groups, three participants
// and their meetings. A dry run rolls back, so every input meets the same store.
//
// Rejections (`ImportError`, `CSVError`) are the expected outcome for most
// inputs; any other error (a database error, say) is a finding. The date and
// number parsers are also run on the text of every input.

let folder = FileManager.default.temporaryDirectory.appendingPathComponent("evalrun-fuzz-rows-\(getpid())")
let inputPath = folder.appendingPathComponent("input.csv").path
let today = CalendarDate(year: 2026, month: 1, day: 1)!  // a constant, so runs are deterministic

/// The store every input is imported into (created once).
let store: EvaluationStore = {
    do {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let store = try EvaluationStore.inMemory()
        let files: [(FileKind, String)] = [
            (.groups, "group_id,composition,site,planned_sessions,company\nG1,homogeneous,Forlì,4,Acme\nG2,eterogeneo,Cesena,4,\n"),
            (.participants, "participant_id,group_id,enrolled_on,left_on,sex,birth_year\nP1,G1,2016-01-10,,F,1970\nP2,G1,2016-01-10,2016-03-01,M,1980\nP3,G2,2016-01-12,,M,1965\n"),
            (.sessions, "group_id,session_no,date,held\nG1,1,2016-01-15,1\nG1,2,2016-01-29,1\nG1,3,2016-02-12,0\nG2,1,2016-01-16,1\nG2,2,2016-01-30,1\n"),
        ]
        for (kind, text) in files {
            let path = folder.appendingPathComponent("\(kind.rawValue).csv").path
            try Data(text.utf8).write(to: URL(fileURLWithPath: path))
            _ = try store.importFile(ImportRequest(kind: kind, path: path), configuration: ProjectConfiguration(), today: today)
        }
        return store
    } catch {
        fatalError("cannot set up the fuzzing store: \(error)")
    }
}()

/// Small limits, so that small inputs reach them, and a small read buffer (fast under ASan).
let limits = CSVLimits(maxFieldBytes: 256, maxColumns: 64, maxProblems: 8, maxRecordBytes: 4096, readBufferBytes: 4096)

let kinds: [(FileKind, Bool?)] = FileKind.allCases.map { ($0, nil) } + [(.attendance, true), (.attendance, false)]

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzRowDecoders(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    guard let start else { return 0 }
    guard count >= 1 else { return 0 }
    let (kind, wide) = kinds[Int(start[0]) % kinds.count]
    let body = UnsafeBufferPointer(start: start + 1, count: count - 1)
    let store = store  // set up first: it creates the folder the input is written to
    guard FileManager.default.createFile(atPath: inputPath, contents: Data(buffer: body)) else { return 0 }
    do {
        _ = try store.importFile(
            ImportRequest(kind: kind, path: inputPath, wide: wide), configuration: ProjectConfiguration(),
            options: ImportOptions(limits: limits), dryRun: true,
            today: today, now: Date(timeIntervalSince1970: 0))
    } catch is ImportError {
    } catch is CSVError {
    } catch {
        preconditionFailure("an import failed with something other than a located problem: \(error)")
    }
    // The value parsers on their own, over the whole text and each field-sized piece.
    let text = String(decoding: body, as: UTF8.self)
    for piece in text.split(whereSeparator: { $0 == "," || $0 == ";" || $0 == "\n" }).prefix(64) {
        _ = try? DateParser.parse(String(piece))
        _ = try? NumberParser(decimalComma: true).double(String(piece))
        _ = try? NumberParser(decimalComma: false).double(String(piece))
        _ = try? NumberParser(decimalComma: false).integer(String(piece))
    }
    return 0
}

/// The entry point SwiftPM links `main` to: hands over to libFuzzer's driver.
@_cdecl("FuzzRowDecoders_main")
public func fuzzRowDecodersMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var count = argc
    var arguments = argv
    return LLVMFuzzerRunDriver(&count, &arguments, fuzzRowDecoders)
}
