import Foundation

/// Builds the prompt of each format for a problem, with the wording of the benchmarks whose
/// numbers models publish: EvalPlus's instruct prompt for function problems (HumanEval), so an
/// instruct model scores as in EvalPlus; LiveCodeBench's prompt for call-based problems, and for
/// stdin problems when asked for by name (`--prompt-style livecodebench`), Proctor's `stdin-instruct`
/// otherwise; and plain completion with HumanEval's stop strings for base models.
public enum CodeGenerationPrompt {
    /// LiveCodeBench's system message for chat models.
    public static let systemMessage = "You are an expert Python programmer. You will be given a question (problem "
        + "specification) and will generate a correct Python program that matches the specification and passes all "
        + "tests. You will NOT return anything except for the program."

    static let formatWithStarterCode = "You will use the following starter code to write the solution to the problem "
        + "and enclose your code within delimiters."
    static let formatWithoutStarterCode = "Read the inputs from stdin solve the problem and write the answer to stdout "
        + "(do not directly test on the sample inputs). Enclose your code within delimiters as follows."

    /// EvalPlus's `instruction_prefix` (codegen.py), the user message's first line.
    public static let evalPlusInstruction = "Please provide a self-contained Python script that solves the following "
        + "problem in a markdown code block:"
    /// EvalPlus's `response_prefix`, which opens the assistant's reply before its ```python fence.
    public static let evalPlusResponse = "Below is a Python script with a self-contained function that solves the "
        + "problem and passes corresponding tests:"
    /// What EvalPlus stops chat replies at: the block's closing fence and what follows a script.
    public static let evalPlusChatStops = ["\n```\n", "\nif __name__", "\ndef main(", "\nprint("]
    /// The user message's first paragraph in the `stdin-instruct` format, above the statement.
    public static let stdinInstruction = "Write a complete Python 3 program that solves the following problem. "
        + "It must read the input from standard input and print the answer to standard output."
    /// What opens the reply in the `stdin-instruct` format: the program's fence, nothing else.
    public static let stdinResponse = "```python\n"
    /// Where a `stdin-instruct` reply ends: the program's closing fence.
    public static let stdinStops = ["\n```"]
    /// HumanEval's stop strings for completions: the next top-level statement ends the function
    /// (so a helper defined after it is cut too, as in the HumanEval paper).
    public static let humanEvalStops = ["\ndef ", "\nclass ", "\nif __name__", "\nprint(", "\n#"]

    /// The `stdin-instruct` instruction for a program in `language` (Python's is `stdinInstruction`).
    public static func stdinInstruction(in language: Language) -> String {
        guard language != .python else { return stdinInstruction }
        let javaClass = language == .java ? " Its public class must be named Main." : ""
        return "Write a complete \(language.promptName) program that solves the following problem. "
            + "It must read the input from standard input and print the answer to standard output.\(javaClass)"
    }

    /// The prompt of `format` for `problem`. `prefill` writes EvalPlus's response prefix into
    /// the prompt (native backend); an OpenAI-style chat API cannot continue a reply, so there
    /// the user message is sent alone, without the stop strings that assume the open fence.
    /// `language` is what a standard-input problem's program is asked in (function problems are
    /// Python's; LiveCodeBench's wording names the language and fences in its place).
    public static func prompt(for problem: Problem, format: CodePrompt.Format, prefill: Bool = true,
                              language: Language = .python) -> CodePrompt {
        let language = problem.kind == .standardIO ? language : .python
        switch format {
        case .evalPlusInstruct:
            let task = problem.starterCode.isEmpty ? problem.statement : problem.starterCode
            let user = "\(evalPlusInstruction)\n```\n\(task.trimmingCharacters(in: .whitespacesAndNewlines))\n```\n"
            return CodePrompt(format: format, messages: [CodePrompt.Message(role: "user", content: user)],
                              responsePrefix: prefill ? "\(evalPlusResponse)\n```python\n" : "", text: "",
                              stopStrings: prefill ? evalPlusChatStops : [], startsInCode: prefill)
        case .stdinInstruct:
            let user = "\(stdinInstruction(in: language))\n\n\(problem.statement.trimmingCharacters(in: .whitespacesAndNewlines))\n"
            return CodePrompt(format: format, messages: [CodePrompt.Message(role: "user", content: user)],
                              responsePrefix: prefill ? "```\(language.fenceName)\n" : "", text: "",
                              stopStrings: prefill ? stdinStops : [], startsInCode: prefill)
        case .liveCodeBench:
            return CodePrompt(format: format, messages: liveCodeBenchMessages(for: problem, language: language),
                              responsePrefix: "", text: "",
                              stopStrings: [], startsInCode: false)
        case .completion:
            let isFunction = problem.entryPoint != nil
            return CodePrompt(format: format, messages: [], responsePrefix: "",
                              text: problem.starterCode.isEmpty ? problem.statement : problem.starterCode,
                              stopStrings: isFunction ? humanEvalStops : [], startsInCode: isFunction)
        }
    }

    /// LiveCodeBench's system and user messages ("### Question / ### Format / ### Answer").
    static func liveCodeBenchMessages(for problem: Problem, language: Language = .python) -> [CodePrompt.Message] {
        let fence = "```" + language.fenceName
        let comment = language == .python ? "#" : "//"
        var user = "### Question:\n\(problem.statement)\n\n"
        if problem.starterCode.isEmpty {
            user += "### Format: \(formatWithoutStarterCode)\n\(fence)\n\(comment) YOUR CODE HERE\n```\n\n"
        } else {
            user += "### Format: \(formatWithStarterCode)\n\(fence)\n\(problem.starterCode)\n```\n\n"
        }
        user += "### Answer: (use the provided format with backticks)\n\n"
        let system = language == .python ? systemMessage
            : systemMessage.replacingOccurrences(of: "Python", with: language.promptName)
        return [CodePrompt.Message(role: "system", content: system), CodePrompt.Message(role: "user", content: user)]
    }
}
