import Judge

/// One prompt format as a run manifest records it: its name, the problems it is for, and its
/// exact wording with the problem's text as a placeholder in braces ({prompt}, {question},
/// {starter_code}), so a manifest says precisely what a model was asked.
public struct PromptFormatRecord: Sendable, Codable, Equatable {
    /// The format's name, as each sample's `prompt_format` gives it.
    public var format: String
    /// "function" (HumanEval-style), "stdin" or "call-based" (LiveCodeBench's starter code).
    public var problems: String
    public var system: String?
    public var user: String?
    /// The start of the assistant's reply written into the prompt.
    public var responsePrefix: String?
    /// The text to continue, for completion.
    public var text: String?
    public var stop: [String]

    enum CodingKeys: String, CodingKey {
        case format, problems, system, user, responsePrefix = "response_prefix", text, stop
    }

    /// The records of every format `style` may use, for every kind of problem (the native
    /// backend's prompts, as `proctor eval` generates with).
    public static func records(for style: PromptStyle) -> [PromptFormatRecord] {
        let placeholders: [(String, Problem)] = [
            ("function", placeholder(statement: "{prompt}", starterCode: "{prompt}",
                                     kind: .humanEval(prompt: "{prompt}", test: "", entryPoint: "{entry_point}"))),
            ("stdin", placeholder(statement: "{question}", starterCode: "", kind: .standardIO)),
            ("call-based", placeholder(statement: "{question}", starterCode: "{starter_code}",
                                       kind: .functional(functionName: "{function}"))),
        ]
        var records: [PromptFormatRecord] = []
        for format in style.formats {
            for (problems, problem) in placeholders {
                // A format is recorded for the problems a style gives it to.
                guard style.format(for: problem, chatModel: true) == format || format == .completion else { continue }
                let prompt = CodeGenerationPrompt.prompt(for: problem, format: format)
                records.append(PromptFormatRecord(
                    format: format.rawValue, problems: problems,
                    system: prompt.messages.first { $0.role == "system" }?.content,
                    user: prompt.messages.first { $0.role == "user" }?.content,
                    responsePrefix: prompt.responsePrefix.isEmpty ? nil : prompt.responsePrefix,
                    text: prompt.isChat ? nil : prompt.text, stop: prompt.stopStrings))
            }
        }
        return records
    }

    private static func placeholder(statement: String, starterCode: String, kind: ProblemKind) -> Problem {
        Problem(id: "{id}", title: "", difficulty: "", timeLimitSeconds: 1, memoryLimitBytes: 1, checker: .tokens, tags: [],
                statement: statement, kind: kind, starterCode: starterCode, tests: [])
    }
}
