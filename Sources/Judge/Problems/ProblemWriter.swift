import Foundation

/// Writes a problem in the corpus folder format (problems/README.md).
public enum ProblemWriter {
    public static func write(_ problem: Problem, into parent: String) throws {
        if problem.id.contains("/") || problem.id.hasPrefix(".") {
            throw JudgeError("cannot be a folder name; judge this problem straight from its JSONL file",
                             field: "id '\(problem.id)'")
        }
        var kind: Any = "stdin"
        switch problem.kind {
        case .standardIO: break
        case .functional(let name): kind = ["type": "functional", "function_name": name]
        case .humanEval: throw JudgeError("HumanEval problems are judged straight from their JSONL file", field: "id '\(problem.id)'")
        case .multiplE: throw JudgeError("MultiPL-E problems are judged straight from their JSONL file", field: "id '\(problem.id)'")
        }
        let folder = parent + "/" + problem.id
        try FileManager.default.createDirectory(atPath: folder + "/tests", withIntermediateDirectories: true)
        var checker: [String: Any] = ["type": "tokens"]
        switch problem.checker {
        case .tokens: break
        case .float(let absolute, let relative): checker = ["type": "float", "absolute": absolute, "relative": relative]
        case .liveCodeBench: checker = ["type": "lcb"]
        case .program: throw JudgeError("problems with checker programs are copied, not written", field: "checker")
        }
        var metadata: [String: Any] = [
            "id": problem.id, "title": problem.title, "difficulty": problem.difficulty,
            "time_limit_s": problem.timeLimitSeconds, "memory_limit_mb": problem.memoryLimitBytes >> 20,
            "checker": checker, "samples": problem.tests.filter(\.isSample).map(\.name), "tags": problem.tags,
            "kind": kind, "starter_code": problem.starterCode,
        ]
        if let releaseDate = problem.releaseDate { metadata["release_date"] = releaseDate }
        let data = try JSONSerialization.data(withJSONObject: metadata, options: [.prettyPrinted, .sortedKeys])
        try data.write(to: URL(fileURLWithPath: folder + "/problem.json"))
        try problem.statement.write(toFile: folder + "/statement.md", atomically: true, encoding: .utf8)
        for test in problem.tests {
            try Data(test.input).write(to: URL(fileURLWithPath: "\(folder)/tests/\(test.name).in"))
            try Data(test.expectedOutput).write(to: URL(fileURLWithPath: "\(folder)/tests/\(test.name).out"))
        }
    }
}
