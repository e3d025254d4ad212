import Foundation

/// Loads problems from the corpus format (`problems/README.md`) and from importable files.
public enum ProblemStore {
    /// Loads every problem under `path`: a problem folder, a folder of problem folders, or a
    /// LiveCodeBench / HumanEval JSONL file. Problems that fail to load are reported in `errors`
    /// and the rest are returned, so one bad folder does not stop the others.
    public static func load(_ path: String) throws -> (problems: [Problem], errors: [JudgeError]) {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw JudgeError("no such file or folder", file: path)
        }
        if !isDirectory.boolValue {
            return (try ProblemImporter.importFile(path), [])
        }
        if FileManager.default.fileExists(atPath: path + "/problem.json") {
            return ([try loadFolder(path)], [])
        }
        var problems: [Problem] = []
        var errors: [JudgeError] = []
        let entries = try FileManager.default.contentsOfDirectory(atPath: path).sorted()
        for entry in entries where FileManager.default.fileExists(atPath: "\(path)/\(entry)/problem.json") {
            do {
                problems.append(try loadFolder("\(path)/\(entry)"))
            } catch let error as JudgeError {
                errors.append(error)
            }
        }
        if problems.isEmpty && errors.isEmpty {
            throw JudgeError("no problem folders (folders with a problem.json) found", file: path)
        }
        return (problems, errors)
    }

    /// Loads one problem folder.
    public static func loadFolder(_ folder: String) throws -> Problem {
        let metadataPath = folder + "/problem.json"
        guard let data = FileManager.default.contents(atPath: metadataPath) else {
            throw JudgeError("cannot read the file", file: metadataPath)
        }
        let object: [String: Any]
        do {
            guard let parsed = try JSONSerialization.jsonObject(with: data) as? [String: Any] else {
                throw JudgeError("the top level must be a JSON object", file: metadataPath)
            }
            object = parsed
        } catch let error as JudgeError {
            throw error
        } catch {
            throw JudgeError("not valid JSON: \(error.localizedDescription)", file: metadataPath)
        }
        func field<T>(_ name: String, as type: T.Type, required: Bool = true) throws -> T? {
            guard let value = object[name] else {
                if required { throw JudgeError("missing", file: metadataPath, field: name) }
                return nil
            }
            guard let typed = value as? T else {
                throw JudgeError("has the wrong type (\(Swift.type(of: value)))", file: metadataPath, field: name)
            }
            return typed
        }
        let id = try field("id", as: String.self)!
        let folderName = (folder as NSString).lastPathComponent
        if id != folderName {
            throw JudgeError("is '\(id)' but the folder is named '\(folderName)'", file: metadataPath, field: "id")
        }
        let timeLimit = try field("time_limit_s", as: Double.self)!
        let memoryMB = try field("memory_limit_mb", as: Int.self)!
        guard timeLimit > 0 else { throw JudgeError("must be positive", file: metadataPath, field: "time_limit_s") }
        guard memoryMB > 0 else { throw JudgeError("must be positive", file: metadataPath, field: "memory_limit_mb") }
        let checker = try parseChecker(try field("checker", as: [String: Any].self)!, folder: folder,
                                       metadataPath: metadataPath)
        let samples = Set(try field("samples", as: [String].self, required: false) ?? [])
        let statementPath = folder + "/statement.md"
        guard let statement = try? String(contentsOfFile: statementPath, encoding: .utf8) else {
            throw JudgeError("missing or not UTF-8", file: statementPath)
        }
        let tests = try loadTests(folder + "/tests", samples: samples)
        if tests.isEmpty { throw JudgeError("the problem has no tests (tests/NAME.in with NAME.out)", file: folder) }
        for sample in samples where !tests.contains(where: { $0.name == sample }) {
            throw JudgeError("names test '\(sample)', which has no tests/\(sample).in", file: metadataPath,
                             field: "samples")
        }
        let releaseDate = try field("release_date", as: String.self, required: false)
        if let releaseDate, !Problem.isDate(releaseDate) {
            throw JudgeError("must be a date written YYYY-MM-DD, found '\(releaseDate)'", file: metadataPath, field: "release_date")
        }
        var kind = ProblemKind.standardIO
        if let functional = object["kind"] as? [String: Any] {
            guard functional["type"] as? String == "functional", let name = functional["function_name"] as? String else {
                throw JudgeError("must be \"stdin\" or {\"type\": \"functional\", \"function_name\": …}",
                                 file: metadataPath, field: "kind")
            }
            kind = .functional(functionName: name)
        } else if let text = object["kind"], text as? String != "stdin" {
            throw JudgeError("must be \"stdin\" or {\"type\": \"functional\", \"function_name\": …}",
                             file: metadataPath, field: "kind")
        }
        var problem = Problem(
            id: id, title: try field("title", as: String.self)!,
            difficulty: try field("difficulty", as: String.self)!, timeLimitSeconds: timeLimit,
            memoryLimitBytes: memoryMB << 20, checker: checker,
            tags: try field("tags", as: [String].self, required: false) ?? [], statement: statement,
            kind: kind, starterCode: (object["starter_code"] as? String) ?? "", tests: tests, directory: folder,
            referenceSolution: try? String(contentsOfFile: folder + "/solution.py", encoding: .utf8), releaseDate: releaseDate)
        for language in Language.all where language != .python {
            let file = folder + "/solution." + language.fileExtension
            guard !problem.otherSolutions.keys.contains(where: { $0.fileExtension == language.fileExtension }),
                let code = try? String(contentsOfFile: file, encoding: .utf8)
            else { continue }
            problem.otherSolutions[language] = code
        }
        return problem
    }

    private static func parseChecker(_ object: [String: Any], folder: String, metadataPath: String) throws -> CheckerSpec {
        switch object["type"] as? String {
        case "tokens":
            return .tokens
        case "float":
            let absolute = (object["absolute"] as? Double) ?? 1e-6
            let relative = (object["relative"] as? Double) ?? 1e-6
            return .float(absolute: absolute, relative: relative)
        case "lcb":
            return .liveCodeBench
        case "program":
            guard let path = object["path"] as? String else {
                throw JudgeError("a program checker needs \"path\"", file: metadataPath, field: "checker")
            }
            let full = folder + "/" + path
            guard FileManager.default.fileExists(atPath: full) else {
                throw JudgeError("names '\(path)', which does not exist", file: metadataPath, field: "checker")
            }
            return .program(path: full)
        case let other:
            throw JudgeError("type must be tokens, float, lcb or program (got \(other ?? "nothing"))",
                             file: metadataPath, field: "checker")
        }
    }

    private static func loadTests(_ directory: String, samples: Set<String>) throws -> [TestCase] {
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: directory) else {
            throw JudgeError("no tests folder", file: directory)
        }
        var tests: [TestCase] = []
        for entry in entries.sorted() where entry.hasSuffix(".in") {
            let name = String(entry.dropLast(3))
            let outputPath = "\(directory)/\(name).out"
            guard let input = FileManager.default.contents(atPath: "\(directory)/\(entry)") else {
                throw JudgeError("cannot read the file", file: "\(directory)/\(entry)")
            }
            guard let output = FileManager.default.contents(atPath: outputPath) else {
                throw JudgeError("test input has no expected output (\(name).out)", file: "\(directory)/\(entry)")
            }
            tests.append(TestCase(name: name, input: Array(input), expectedOutput: Array(output),
                                  isSample: samples.contains(name)))
        }
        return tests
    }
}
