import Foundation

/// A reasoning model's output split into its reasoning block and its answer.
///
/// Reasoning models (DeepSeek-R1, Qwen3, QwQ) write `<think>…</think>` before the answer, and
/// their chat templates often open the block in the prompt, so the output holds only the
/// closing tag. The answer is what follows the last closing tag; an output that opens a block
/// and never closes it (cut off by the token limit) has no answer; an output with neither tag is
/// all answer. Code extraction and text scoring run on the answer only, so a fence or a number
/// inside the reasoning is never taken for it.
public struct ReasoningSplit: Equatable, Sendable {
    /// The tag reasoning models use by default.
    public static let defaultTag = "think"

    /// The reasoning, without its tags; nil when the output has no block.
    public var reasoning: String?
    /// What follows the block, leading blank lines dropped; nil when the block never closes.
    public var answer: String?

    public init(reasoning: String?, answer: String?) {
        self.reasoning = reasoning
        self.answer = answer
    }

    /// Splits `output` at the block tagged `tag` (`<tag>…</tag>`); a nil tag keeps the output whole.
    public init(_ output: String, tag: String?) {
        guard let tag, !tag.isEmpty else {
            self.init(reasoning: nil, answer: output)
            return
        }
        let opening = "<\(tag)>", closing = "</\(tag)>"
        if let close = output.range(of: closing, options: .backwards) {
            var reasoning = output[..<close.lowerBound]
            if let open = reasoning.range(of: opening) { reasoning = reasoning[open.upperBound...] }
            self.init(reasoning: String(reasoning), answer: String(Self.droppingBlankLines(output[close.upperBound...])))
        } else if let open = output.range(of: opening) {
            self.init(reasoning: String(output[open.upperBound...]), answer: nil)
        } else {
            self.init(reasoning: nil, answer: output)
        }
    }

    /// `text` from its first line that holds more than whitespace.
    private static func droppingBlankLines(_ text: Substring) -> Substring {
        var rest = text
        while let newline = rest.firstIndex(of: "\n"), rest[..<newline].allSatisfy(\.isWhitespace) {
            rest = rest[rest.index(after: newline)...]
        }
        return rest
    }
}
