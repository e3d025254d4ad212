/// The prompt a model is given for a code problem: LiveCodeBench's code-generation prompt for chat
/// models (a system message, then "### Question / ### Format / ### Answer"), so that results are
/// comparable with LiveCodeBench's; HumanEval problems are plain completions of their prompt.
public enum CodeGenerationPrompt {
    /// A chat message: role and content.
    public struct Message: Sendable, Equatable {
        public var role: String
        public var content: String
    }

    /// LiveCodeBench's system message for chat models.
    public static let systemMessage = "You are an expert Python programmer. You will be given a question (problem "
        + "specification) and will generate a correct Python program that matches the specification and passes all "
        + "tests. You will NOT return anything except for the program."

    static let formatWithStarterCode = "You will use the following starter code to write the solution to the problem "
        + "and enclose your code within delimiters."
    static let formatWithoutStarterCode = "Read the inputs from stdin solve the problem and write the answer to stdout "
        + "(do not directly test on the sample inputs). Enclose your code within delimiters as follows."

    /// The chat messages for `problem`, or nil for a plain-completion problem (HumanEval).
    public static func messages(for problem: Problem) -> [Message]? {
        if case .humanEval = problem.kind { return nil }
        var user = "### Question:\n\(problem.statement)\n\n"
        if problem.starterCode.isEmpty {
            user += "### Format: \(formatWithoutStarterCode)\n```python\n# YOUR CODE HERE\n```\n\n"
        } else {
            user += "### Format: \(formatWithStarterCode)\n```python\n\(problem.starterCode)\n```\n\n"
        }
        user += "### Answer: (use the provided format with backticks)\n\n"
        return [Message(role: "system", content: systemMessage), Message(role: "user", content: user)]
    }
}
