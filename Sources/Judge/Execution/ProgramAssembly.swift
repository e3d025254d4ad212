import Foundation

/// Builds the program that runs for each problem kind: the candidate as is for standard I/O,
/// or the candidate wrapped by trusted code that calls it and reports completion.
enum ProgramAssembly {
    /// The environment variable holding this run's completion sentinel; trusted code removes it
    /// before any candidate code runs.
    static let sentinelVariable = "PROCTOR_SENTINEL"

    static func program(for kind: ProblemKind, code: String) -> String {
        switch kind {
        case .standardIO:
            return code
        case .humanEval(let prompt, let test, let entryPoint):
            return """
                import os as __proctor_os
                __proctor_sentinel = __proctor_os.environ.pop("\(sentinelVariable)", "")
                \(prompt)\(code)

                \(test)

                check(\(entryPoint))
                __proctor_os.write(1, ("\\n" + __proctor_sentinel + "\\n").encode())

                """
        case .functional(let functionName):
            return """
                import json as __proctor_json
                import os as __proctor_os
                import sys as __proctor_sys
                __proctor_sentinel = __proctor_os.environ.pop("\(sentinelVariable)", "")
                __proctor_arguments = [__proctor_json.loads(line) for line in __proctor_sys.stdin.read().split("\\n") if line.strip()]
                __proctor_namespace = {"__name__": "__candidate__"}
                exec(compile(\(pythonStringLiteral(code)), "solution.py", "exec"), __proctor_namespace)
                if "Solution" in __proctor_namespace:
                    __proctor_function = getattr(__proctor_namespace["Solution"](), "\(functionName)")
                else:
                    __proctor_function = __proctor_namespace["\(functionName)"]
                __proctor_result = __proctor_function(*__proctor_arguments)
                if isinstance(__proctor_result, tuple):
                    __proctor_result = list(__proctor_result)
                __proctor_sys.stdout.flush()
                __proctor_os.write(1, ("\\n" + __proctor_sentinel + "\\n" + __proctor_json.dumps(__proctor_result)).encode())

                """
        }
    }

    /// A Python string literal holding `text` exactly (JSON string syntax is valid Python).
    static func pythonStringLiteral(_ text: String) -> String {
        let data = try! JSONSerialization.data(withJSONObject: [text], options: [.fragmentsAllowed])
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
