import Foundation
import Metrics

/// Gets the program out of a model's raw output.
public enum CodeExtractor: String, Sendable, CaseIterable, Codable {
    /// The first fenced block that defines the entry point (function problems), else the block
    /// the output began in (a prefilled fence or a completion), else the last non-blank
    /// ```python block, else the last non-blank fenced block, else (no fence at all) the whole
    /// output. An unclosed last block runs to the
    /// end, so an answer cut off by the token limit keeps its code. Whether a fence-less output
    /// is Python is left to the judge, whose compile step makes prose a CE.
    case auto
    /// The lines between the last two lines containing ``` (LiveCodeBench's rule); empty if fewer than two.
    case lastFence = "last-fence"
    /// The first block fenced as ```python (or ```py); falls back to the last fence.
    case firstPython = "first-python"
    /// The output as it is.
    case none

    /// The code in `output`. `entryPoint` names the function a function problem calls (nil for
    /// whole programs); `startsInCode` says the output begins inside a ```python block, because
    /// the prompt opened one (a prefilled reply) or the output continues the prompt's code.
    /// `preferring` is the language whose fences `auto` prefers (Python unless asked for another).
    public func extract(_ output: String, entryPoint: String? = nil, startsInCode: Bool = false,
                        preferring language: Language = .python) -> String {
        switch self {
        case .none:
            return output
        case .auto:
            let blocks = Self.fencedBlocks(output, startsInCode: startsInCode)
            if let entryPoint, let block = blocks.first(where: { Self.definesFunction(entryPoint, in: $0.code) }) {
                return block.code
            }
            if startsInCode, let opening = blocks.first { return opening.code }
            guard !blocks.isEmpty else { return output }
            let filled = blocks.filter { !$0.isBlank }
            return (filled.last(where: { language.isNamed(byFence: $0.language) }) ?? filled.last)?.code ?? ""
        case .lastFence:
            let lines = Self.withOpeningFence(output, startsInCode).split(separator: "\n", omittingEmptySubsequences: false)
            let fences = lines.indices.filter { lines[$0].contains("```") }
            guard fences.count >= 2 else { return "" }
            let start = fences[fences.count - 2] + 1
            let end = fences[fences.count - 1]
            return lines[start..<end].joined(separator: "\n")
        case .firstPython:
            let text = Self.withOpeningFence(output, startsInCode)
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
            for (index, line) in lines.enumerated() {
                let trimmed = line.trimmingCharacters(in: CharacterSet.whitespaces).lowercased()

                guard trimmed == "```python" || trimmed == "```py" || trimmed == "```python3" else { continue }
                if let end = lines[(index + 1)...].firstIndex(where: { $0.contains("```") }) {
                    return lines[(index + 1)..<end].joined(separator: "\n")
                }
            }
            return CodeExtractor.lastFence.extract(text)
        }
    }

    /// `extract` on the answer of `output`: what follows its reasoning block tagged
    /// `reasoningTag` (`<think>…</think>`, see `ReasoningSplit`), so a fence inside the reasoning
    /// is never taken; "" when the block never closes (no answer). A nil tag extracts from the
    /// whole output.
    public func extractAnswer(_ output: String, reasoningTag: String? = ReasoningSplit.defaultTag, entryPoint: String? = nil,
                              startsInCode: Bool = false, preferring language: Language = .python) -> String {
        guard let answer = ReasoningSplit(output, tag: reasoningTag).answer else { return "" }
        return extract(answer, entryPoint: entryPoint, startsInCode: startsInCode, preferring: language)
    }

    /// Whether `code` defines `name` at top level (`def name(` or `async def name(` at the start
    /// of a line): what a HumanEval check calls.
    public static func definesFunction(_ name: String, in code: String) -> Bool {
        code.split(separator: "\n").contains { line in
            var rest = line[...]
            if rest.hasPrefix("async ") { rest = rest.dropFirst(6).drop(while: { $0 == " " }) }
            guard rest.hasPrefix("def ") else { return false }
            rest = rest.dropFirst(4).drop(while: { $0 == " " })
            guard rest.hasPrefix(name) else { return false }
            return rest.dropFirst(name.count).drop(while: { $0 == " " }).first == "("
        }
    }

    /// The language named by the fence of the block in `output` that `code` was taken from, nil
    /// when no such block names a language Proctor knows (a bare fence, or no fence).
    public static func fenceLanguage(of code: String, in output: String) -> Language? {
        fencedBlocks(output, startsInCode: false).last { $0.code == code }.flatMap { Language.named($0.language) }
    }

    /// A fenced block of an output: its language (the first word after the opening ```, "" for
    /// a bare fence) and its lines.
    struct FencedBlock: Equatable {
        var language: String
        var lines: [Substring] = []

        var code: String { lines.joined(separator: "\n") }
        var isBlank: Bool { lines.allSatisfy { $0.allSatisfy(\.isWhitespace) } }
    }

    /// The fenced blocks of `output`, in order. A fence is a line starting (after indentation)
    /// with ```. A bare fence closes the open block or opens one; a fence with a language always
    /// opens one, closing the open block (a model that forgot to close it) or, when that block
    /// is still blank, replacing it (a model that repeats the prefilled fence). With
    /// `startsInCode` a python block is open from the first line. The last block may be unclosed.
    static func fencedBlocks(_ output: String, startsInCode: Bool) -> [FencedBlock] {
        var blocks: [FencedBlock] = []
        var open: FencedBlock? = startsInCode ? FencedBlock(language: "python") : nil
        for line in output.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = line.drop(while: { $0 == " " || $0 == "\t" })
            guard trimmed.hasPrefix("```") else {
                open?.lines.append(line)
                continue
            }
            let info = trimmed.drop(while: { $0 == "`" }).trimmingCharacters(in: .whitespaces)
            let language = String(info.split(separator: " ").first ?? "").lowercased()
            if language.isEmpty {
                if let block = open {
                    blocks.append(block)
                    open = nil
                } else {
                    open = FencedBlock(language: "")
                }
            } else {
                if let block = open, !block.isBlank { blocks.append(block) }
                open = FencedBlock(language: language)
            }
        }
        if let open { blocks.append(open) }
        return blocks
    }

    /// `output` with the opening ```python line the prompt supplied, for the line-based rules.
    private static func withOpeningFence(_ output: String, _ startsInCode: Bool) -> String {
        startsInCode ? "```python\n" + output : output
    }
}
