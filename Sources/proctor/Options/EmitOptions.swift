import ArgumentParser
import Foundation
import Judge

/// `--emit FORMAT FILE` (repeatable): other harnesses' results files, written after judging.
struct EmitOptions: ParsableArguments {
    @Option(name: .customLong("emit"), parsing: .upToNextOption,
            help: ArgumentHelp(
                "Also write another tool's results file, for dashboards built on it: evalplus "
                    + "(evalplus.evaluate's *_eval_results.json) or livecodebench (its runner's *_eval_all.json; a file named so gets its *_eval.json metrics beside it). "
                    + "Repeat for both.",
                valueName: "format file"))
    var values: [String] = []

    /// The requested formats with their files, in the order given.
    var requests: [(format: EmitFormat, path: String)] {
        stride(from: 0, to: values.count - 1, by: 2).compactMap { index in
            EmitFormat(rawValue: values[index]).map { ($0, values[index + 1]) }
        }
    }

    func validate() throws {
        let known = EmitFormat.allCases.map(\.rawValue).joined(separator: " or ")
        for index in stride(from: 0, to: values.count, by: 2) {
            guard EmitFormat(rawValue: values[index]) != nil else {
                throw ValidationError("--emit: unknown format '\(values[index])'; use \(known), e.g. --emit evalplus samples_eval_results.json")
            }
            guard index + 1 < values.count else {
                throw ValidationError("--emit \(values[index]) needs the file to write, e.g. --emit \(values[index]) results.json")
            }
        }
        for request in requests {
            do {
                try EmitFormat.checkWritable(request.path, format: request.format)
            } catch let error as JudgeError {
                throw ValidationError("\(error)")
            }
        }
    }

    /// Writes every requested file from `records`, warning about the harness errors left out.
    func write(_ records: [ResultRecord], problems: [Problem], problemsHash: String) throws {
        for request in requests {
            let summary = try request.format.write(records, problems: problems, problemsHash: problemsHash, to: request.path)
            if summary.harnessErrorsLeftOut > 0 {
                warn("\(request.path): left out \(summary.harnessErrorsLeftOut) samples with harness errors (IE), "
                     + "which \(request.format.rawValue)'s format would count as failures")
            }
            print("wrote \(summary.written) samples in \(request.format.rawValue)'s format to "
                  + summary.files.joined(separator: " and "))
        }
    }
}
