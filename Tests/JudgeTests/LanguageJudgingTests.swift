import Foundation
@testable import Judge
import Sandbox
import Testing
import TestSupport

/// Sum programs in every compiled language, right and wrong in each of the ways the verdicts name.
enum LanguagePrograms {
    struct Case: CustomTestStringConvertible, Sendable {
        let language: Language
        let label: String
        let code: String
        let expected: Verdict
        var testDescription: String { "\(language.id) \(label) → \(expected.rawValue)" }
    }

    static let sums: [Language: String] = [
        .c: "#include <stdio.h>\nint main(void){long long a,b;scanf(\"%lld %lld\",&a,&b);printf(\"%lld\\n\",a+b);return 0;}\n",
        .cpp17: "#include <bits/stdc++.h>\nint main(){long long a,b;std::cin>>a>>b;std::cout<<a+b<<\"\\n\";}\n",
        .cpp20: "#include <iostream>\n#include <numbers>\nint main(){long long a,b;std::cin>>a>>b;std::cout<<a+b<<\"\\n\";}\n",
        .rust: """
            use std::io::Read;
            fn main() {
                let mut s = String::new();
                std::io::stdin().read_to_string(&mut s).unwrap();
                let v: Vec<i64> = s.split_whitespace().map(|x| x.parse().unwrap()).collect();
                println!("{}", v[0] + v[1]);
            }
            """,
        .go: """
            package main

            import "fmt"

            func main() {
            \tvar a, b int64
            \tfmt.Scan(&a, &b)
            \tfmt.Println(a + b)
            }
            """,
        .java: """
            import java.util.*;
            public class Main {
                public static void main(String[] args) {
                    Scanner in = new Scanner(System.in);
                    long a = in.nextLong(), b = in.nextLong();
                    System.out.println(a + b);
                }
            }
            """,
        .javascript: """
            const [a, b] = require("fs").readFileSync(0, "utf8").trim().split(/\\s+/).map(Number);
            console.log(a + b);
            """,
    ]

    /// Wrong ways to answer, per language: the verdict each must get.
    static let failures: [Language: [(String, String, Verdict)]] = [
        .c: [("difference", "#include <stdio.h>\nint main(void){long long a,b;scanf(\"%lld %lld\",&a,&b);printf(\"%lld\\n\",a-b);}\n", .wrongAnswer),
             ("syntax", "int main(void) { return 0 }\n", .compileError),
             ("loop", "int main(void){volatile long x=0;for(;;)x++;}\n", .timeLimit),
             ("null", "#include <stdio.h>\nint main(void){int *p=0;*p=1;printf(\"%d\",*p);}\n", .runtimeError),
             ("memory", "#include <stdlib.h>\nint main(void){volatile char*p=malloc(1<<30);for(long i=0;i<(1L<<30);i+=4096)p[i]=1;return 0;}\n", .memoryLimit),
             ("fork", "#include <unistd.h>\nint main(void){fork();return 0;}\n", .sandboxViolation)],
        .cpp17: [("no main", "#include <cstdio>\nint solve(){return 0;}\n", .compileError),
                 ("exception", "#include <vector>\nint main(){std::vector<int> v; return v.at(3);}\n", .runtimeError)],
        .rust: [("type error", "fn main() { let x: i32 = \"a\"; }\n", .compileError),
                ("panic", "fn main() { let v: Vec<i32> = vec![]; println!(\"{}\", v[1]); }\n", .runtimeError)],
        .go: [("unused import", "package main\nimport \"os\"\nfunc main() {}\n", .compileError)],
        .java: [("syntax", "public class Main { public static void main(String[] a) { int x = } }\n", .compileError),
                ("exception", "public class Main { public static void main(String[] a) { throw new RuntimeException(\"x\"); } }\n", .runtimeError),
                ("other class name", "public class Solution { public static void main(String[] a) { java.util.Scanner s = new java.util.Scanner(System.in); System.out.println(s.nextLong() + s.nextLong()); } }\n", .accepted)],
        .javascript: [("syntax", "const x = ;\n", .compileError),
                      ("throw", "throw new Error('no');\n", .runtimeError)],
    ]

    static var cases: [Case] {
        var all: [Case] = []
        for language in Language.all where language != .python {
            if let code = sums[language] { all.append(Case(language: language, label: "sum", code: code, expected: .accepted)) }
            for (label, code, verdict) in failures[language] ?? [] {
                all.append(Case(language: language, label: label, code: code, expected: verdict))
            }
        }
        return all
    }
}

@Suite("Judging compiled languages")
struct LanguageJudgingTests {
    @Test("each language's candidates get their verdicts", arguments: LanguagePrograms.cases)
    func verdicts(_ program: LanguagePrograms.Case) throws {
        _ = try JudgeFixtures.runner.toolchain(for: program.language)
        let outcome = JudgeFixtures.runner.judge(code: program.code, problem: JudgeFixtures.sumProblem,
                                                 language: program.language)
        #expect(outcome.verdict == program.expected, "tests: \(outcome.tests)")
        if program.expected == .compileError {
            #expect(outcome.tests.map(\.name) == ["compile"])
            #expect(outcome.tests.first?.detail?.isEmpty == false, "a compile error names the compiler's first error")
        }
    }

    @Test("a missing toolchain is an error naming its Debian package")
    func missingToolchain() {
        #expect {
            try Toolchain.locate(.go, searchPath: "/nonexistent")
        } throws: { error in
            "\(error)".contains("apt-get install golang-go")
        }
    }

    @Test("names and fences resolve to languages", arguments: [
        ("c++", "cpp17"), ("CPP", "cpp17"), ("c++20", "cpp20"), ("js", "javascript"), ("rs", "rust"),
        ("golang", "go"), ("py", "python"), ("java", "java"), ("c", "c"),
    ])
    func names(name: String, id: String) {
        #expect(Language.named(name)?.id == id)
    }

    @Test("Java's file is named after its public class")
    func javaClassName() {
        #expect(Toolchain.publicClassName(in: "import x;\npublic final class Solver {\n}") == "Solver")
        #expect(Toolchain.publicClassName(in: "class Main {}") == nil)
    }
}

@Suite("Samples in other languages, end to end")
struct LanguageSamplesTests {
    static let problem = RepositoryPaths.path("problems/e001-theater-ticket")

    @Test("a sample's language comes from its field, else --language, else its code fence")
    func languageSources() throws {
        let cpp = try String(contentsOfFile: Self.problem + "/solution.cpp", encoding: .utf8)
        let python = try String(contentsOfFile: Self.problem + "/solution.py", encoding: .utf8)
        func line(_ index: Int, _ fields: [String: Any]) throws -> String {
            let base: [String: Any] = ["problem_id": "e001-theater-ticket", "checkpoint": "m", "sample_index": index]
            let data = try JSONSerialization.data(withJSONObject: base.merging(fields) { $1 }, options: [.sortedKeys])
            return String(decoding: data, as: UTF8.self)
        }
        let samples = try TemporaryFiles.write([
            try line(0, ["code": cpp, "language": "c++"]),  // its field
            try line(1, ["output": "Here it is:\n```cpp\n" + cpp + "```\n"]),  // its fence
            try line(2, ["output": "```\n" + python + "```\n"]),  // a bare fence: Python
            try line(3, ["code": python, "language": "python"]),
        ].joined(separator: "\n") + "\n", prefix: "proctor-language-samples", suffix: ".jsonl")
        let out = samples + ".results.jsonl"
        let run = try ProctorBinary.run(["judge", "--problems", Self.problem, "--samples", samples, "--out", out,
                                         "--workers", "1"])
        #expect(run.status == 0, "\(run.stderr)")
        let records = try ResultFile.read(out).sorted { $0.sampleIndex < $1.sampleIndex }
        #expect(records.map(\.language) == ["cpp17", "cpp17", nil, nil])
        #expect(records.map(\.verdict) == [.accepted, .accepted, .accepted, .accepted])

        // --language applies to samples without a field: the Python answer compiled as C++ is a CE.
        let forced = try ProctorBinary.run(["judge", "--problems", Self.problem, "--samples", samples, "--out",
                                            out + ".forced", "--language", "cpp17", "--workers", "1"])
        #expect(forced.status == 0, "\(forced.stderr)")
        let forcedRecords = try ResultFile.read(out + ".forced").sorted { $0.sampleIndex < $1.sampleIndex }
        #expect(forcedRecords.map(\.verdict) == [.accepted, .accepted, .compileError, .accepted])
    }

    @Test("an unknown language is refused, naming the file, line and field; an unknown --language before anything runs")
    func unknownLanguage() throws {
        let samples = try TemporaryFiles.write(
            #"{"problem_id": "e001-theater-ticket", "sample_index": 0, "code": "print(1)", "language": "cobol"}"# + "\n",
            prefix: "proctor-language-bad", suffix: ".jsonl")
        let run = try ProctorBinary.run(["judge", "--problems", Self.problem, "--samples", samples, "--out", samples + ".out"])
        #expect(run.status != 0)
        #expect(run.stderr.contains("\(samples):1: field 'language'"), "\(run.stderr)")
        let option = try ProctorBinary.run(["judge", "--problems", Self.problem, "--samples", samples, "--out",
                                            samples + ".out", "--language", "cobol"])
        #expect(option.status != 0)
        #expect(option.stderr.contains("--language: 'cobol'"), "\(option.stderr)")
    }

    @Test("problems validate judges every reference solution in its language and counts per language")
    func validatePerLanguage() throws {
        let run = try ProctorBinary.run(["problems", "validate", Self.problem, "--workers", "2"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("e001-theater-ticket\tcpp17\tAC"), "\(run.stdout)")
        #expect(run.stdout.contains("e001-theater-ticket\tpython\tAC"), "\(run.stdout)")
        #expect(run.stdout.contains("cpp17: 1 of 1 reference solutions accepted"))
        #expect(run.stdout.contains("python: 1 of 1 reference solutions accepted"))
    }
}

@Suite("Prompts in the checkpoint's language")
struct LanguagePromptTests {
    static let stdinProblem = Problem(
        id: "p", title: "P", difficulty: "easy", timeLimitSeconds: 2, memoryLimitBytes: 256 << 20, checker: .tokens,
        tags: [], statement: "Print A+B.", kind: .standardIO, tests: [])

    @Test("stdin-instruct names the language, opens its fence and says Java's class name")
    func stdinInstruct() {
        let cpp = CodeGenerationPrompt.prompt(for: Self.stdinProblem, format: .stdinInstruct, language: .cpp17)
        #expect(cpp.messages.first?.content.hasPrefix("Write a complete C++17 program that solves") == true)
        #expect(cpp.responsePrefix == "```cpp\n")
        #expect(cpp.startsInCode)
        let java = CodeGenerationPrompt.prompt(for: Self.stdinProblem, format: .stdinInstruct, language: .java)
        #expect(java.messages.first?.content.contains("Its public class must be named Main.") == true)
        #expect(java.responsePrefix == "```java\n")
        let python = CodeGenerationPrompt.prompt(for: Self.stdinProblem, format: .stdinInstruct)
        #expect(python.messages.first?.content.hasPrefix(CodeGenerationPrompt.stdinInstruction) == true)
        #expect(python.responsePrefix == CodeGenerationPrompt.stdinResponse)
    }

    @Test("LiveCodeBench's wording names the language; a function problem stays Python")
    func liveCodeBenchAndFunctions() {
        let rust = CodeGenerationPrompt.prompt(for: Self.stdinProblem, format: .liveCodeBench, language: .rust)
        #expect(rust.messages[0].content.contains("expert Rust programmer"))
        #expect(rust.messages[1].content.contains("```rust\n// YOUR CODE HERE\n```"))
        let function = Problem(
            id: "f", title: "F", difficulty: "easy", timeLimitSeconds: 2, memoryLimitBytes: 256 << 20, checker: .tokens,
            tags: [], statement: "def f():\n", kind: .humanEval(prompt: "def f():\n", test: "", entryPoint: "f"), tests: [])
        let asked = CodeGenerationPrompt.prompt(for: function, format: .evalPlusInstruct, language: .cpp17)
        #expect(asked == CodeGenerationPrompt.prompt(for: function, format: .evalPlusInstruct))
    }

    @Test("a reply that continues a prefilled C++ fence is extracted and judged as C++")
    func prefilledReply() throws {
        let cpp = try String(contentsOfFile: RepositoryPaths.path("problems/e001-theater-ticket/solution.cpp"), encoding: .utf8)
        let code = CodeExtractor.auto.extractAnswer(cpp + "```\nThis reads A, B and D.", startsInCode: true, preferring: .cpp17)
        #expect(code.trimmingCharacters(in: .whitespacesAndNewlines) == cpp.trimmingCharacters(in: .whitespacesAndNewlines))
    }
}

@Suite("Toolchain paths, fences and assert messages")
struct LanguageDetailsTests {
    @Test("a toolchain's linked files make their folder readable, but never a broad one such as /etc")
    func linkTargets() throws {
        let root = NSTemporaryDirectory() + "proctor-links-\(UUID().uuidString)"
        let conf = root + "/conf"
        try FileManager.default.createDirectory(atPath: conf, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: root) }
        let elsewhere = NSTemporaryDirectory() + "proctor-link-target-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: elsewhere, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: elsewhere) }
        try "x".write(toFile: elsewhere + "/settings", atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: conf + "/settings", withDestinationPath: elsewhere + "/settings")
        try FileManager.default.createSymbolicLink(atPath: conf + "/hostname", withDestinationPath: "/etc/hostname")
        let paths = Toolchain.withLinkTargets([root])
        let resolved = URL(fileURLWithPath: elsewhere).resolvingSymlinksInPath().path
        #expect(paths.contains(resolved), "a linked file's own folder: \(paths)")
        #expect(paths.contains("/etc/hostname") && !paths.contains("/etc"), "\(paths)")
    }

    @Test("auto extraction prefers the asked language's fence; the fence names a sample's language")
    func fences() {
        let output = "First in Python:\n```python\nprint(3)\n```\nThen C++:\n```cpp\nint main() {}\n```\nDone.\n"
        #expect(CodeExtractor.auto.extract(output) == "print(3)")
        #expect(CodeExtractor.auto.extract(output, preferring: .cpp17) == "int main() {}")
        #expect(CodeExtractor.fenceLanguage(of: "int main() {}", in: output) == .cpp17)
        #expect(CodeExtractor.fenceLanguage(of: "x", in: "```\nx\n```") == nil)
    }

    @Test("a failed assert is told from a crash in C, Java, Node.js and Rust", arguments: [
        ("a.out: main.cpp:12: int main(): Assertion `candidate(3) == 4' failed.", true),
        ("Exception in thread \"main\" java.lang.AssertionError", true),
        ("AssertionError [ERR_ASSERTION]: Expected values to be strictly deep-equal:", true),
        ("thread 'main' panicked at main.rs:9:5:\nassertion `left == right` failed", true),
        ("terminate called after throwing an instance of 'std::out_of_range'", false),
        ("Exception in thread \"main\" java.lang.ArrayIndexOutOfBoundsException: Index 5", false),
        ("thread 'main' panicked at main.rs:3:20:\nindex out of bounds: the len is 0 but the index is 1", false),
    ])
    func assertions(stderr: String, isAssert: Bool) {
        #expect((CandidateRunner.failedAssertion(stderr) != nil) == isAssert)
    }
}
