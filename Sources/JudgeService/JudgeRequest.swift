import Foundation
import Judge

/// One request to `POST /v1/judge`: code, its language, and either a problem of the served set
/// or inline tests with their limits.
///
/// ```json
/// {"problem_id": "e001-theater-ticket", "code": "...", "language": "cpp17", "all_tests": false}
/// {"tests": [{"input": "1 2\n", "output": "3\n"}], "code": "...", "time_limit_s": 2, "memory_limit_mb": 256,
///  "checker": {"type": "float", "absolute": 1e-6, "relative": 1e-6}}
/// ```
public struct JudgeRequest: Sendable {
    public var code: String
    public var language: Language
    /// The problem of the served set, or an inline one built from the request's tests.
    public var problem: Problem
    /// Run every test instead of stopping at the first failure.
    public var allTests: Bool

    /// Most inline tests one request may carry, and the largest limits it may ask for.
    public static let maxTests = 1000
    public static let maxTimeLimitSeconds = 60.0
    public static let maxMemoryLimitMB = 4096

    /// Decodes a request body; every fault names its field.
    public static func parse(_ body: Data, problems: [String: Problem]) throws(JudgeServiceError) -> JudgeRequest {
        let object: [String: Any]
        do {
            guard let decoded = try JSONSerialization.jsonObject(with: body) as? [String: Any] else {
                throw JudgeServiceError(status: 400, "the body must be a JSON object", code: "invalid_json")
            }
            object = decoded
        } catch let error as JudgeServiceError {
            throw error
        } catch {
            throw JudgeServiceError(status: 400, "the body is not valid JSON", code: "invalid_json")
        }
        let known: Set = ["problem_id", "tests", "code", "language", "all_tests", "time_limit_s", "memory_limit_mb", "checker"]
        if let unknown = object.keys.sorted().first(where: { !known.contains($0) }) {
            throw .field(unknown, "unknown field (fields: \(known.sorted().joined(separator: ", ")))")
        }
        guard let code = object["code"] as? String else { throw .field("code", "missing or not a string") }
        var language = Language.python
        if let value = object["language"] {
            guard let name = value as? String, let named = Language.named(name) else {
                throw .field("language", "not one of \(Language.all.map(\.id).joined(separator: ", "))")
            }
            language = named
        }
        var allTests = false
        if let value = object["all_tests"] {
            guard let flag = value as? Bool else { throw .field("all_tests", "must be true or false") }
            allTests = flag
        }
        let problem: Problem
        switch (object["problem_id"], object["tests"]) {
        case (let id?, nil):
            guard let id = id as? String else { throw .field("problem_id", "must be a string") }
            for field in ["time_limit_s", "memory_limit_mb", "checker"] where object[field] != nil {
                throw .field(field, "applies to inline tests; a served problem has its own")
            }
            guard let found = problems[id] else {
                throw JudgeServiceError(status: 404, "no problem '\(id)' is served (GET /v1/problems lists them)",
                                        code: "unknown_problem", field: "problem_id")
            }
            problem = found
        case (nil, let tests?):
            problem = try inlineProblem(tests, object)
        default:
            throw .field("problem_id", "give either problem_id (a served problem) or tests (inline), not both or neither")
        }
        return JudgeRequest(code: code, language: language, problem: problem, allTests: allTests)
    }

    private static func inlineProblem(_ value: Any, _ object: [String: Any]) throws(JudgeServiceError) -> Problem {
        guard let list = value as? [Any], !list.isEmpty, list.count <= maxTests else {
            throw .field("tests", "must be a list of 1 to \(maxTests) {\"input\", \"output\"} objects")
        }
        var tests: [TestCase] = []
        for (index, entry) in list.enumerated() {
            guard let test = entry as? [String: Any], let input = test["input"] as? String,
                let output = test["output"] as? String
            else { throw .field("tests[\(index)]", "must be {\"input\": string, \"output\": string}") }
            tests.append(TestCase(name: String(format: "%02d", index + 1), input: Array(input.utf8),
                                  expectedOutput: Array(output.utf8), isSample: false))
        }
        let timeLimit = try number(object, "time_limit_s", default: 2, range: 0.01...maxTimeLimitSeconds)
        let memoryMB = try number(object, "memory_limit_mb", default: 256, range: 16...Double(maxMemoryLimitMB))
        return Problem(id: "inline", title: "inline", difficulty: "inline", timeLimitSeconds: timeLimit,
                       memoryLimitBytes: Int(memoryMB) << 20, checker: try checker(object["checker"]), tags: [],
                       statement: "", kind: .standardIO, tests: tests)
    }

    private static func number(_ object: [String: Any], _ field: String, default value: Double,
                               range: ClosedRange<Double>) throws(JudgeServiceError) -> Double {
        guard let given = object[field] else { return value }
        guard let number = given as? NSNumber, !(given is Bool), range.contains(number.doubleValue) else {
            throw .field(field, "must be a number in \(range.lowerBound)...\(range.upperBound)")
        }
        return number.doubleValue
    }

    private static func checker(_ value: Any?) throws(JudgeServiceError) -> CheckerSpec {
        guard let value else { return .tokens }
        guard let object = value as? [String: Any], let type = object["type"] as? String else {
            throw .field("checker", "must be {\"type\": \"tokens\"} or {\"type\": \"float\", \"absolute\": x, \"relative\": y}")
        }
        switch type {
        case "tokens":
            return .tokens
        case "float":
            guard let absolute = object["absolute"] as? Double, let relative = object["relative"] as? Double,
                absolute >= 0, relative >= 0
            else { throw .field("checker", "a float checker needs non-negative numbers 'absolute' and 'relative'") }
            return .float(absolute: absolute, relative: relative)
        default:
            throw .field("checker.type", "'\(type)' is not tokens or float")
        }
    }
}

/// The answer to one judged request.
public struct JudgeResponse: Encodable, Sendable {
    public var problemID: String
    public var language: String
    public var verdict: Verdict
    public var passed: Bool
    public var tests: [TestOutcome]

    enum CodingKeys: String, CodingKey {
        case problemID = "problem_id", language, verdict, passed, tests
    }
}
