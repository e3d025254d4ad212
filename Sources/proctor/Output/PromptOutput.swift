import Foundation
import Inference

/// `proctor generate --prompt`: one prompt's samples on standard output, their speed on
/// standard error.
struct PromptOutput {
    let generator: TextGenerator
    let count: Int
    let maxTokens: Int
    let sampling: SamplingParameters
    let printTokenIDs: Bool

    /// Generates for `promptIDs` with the generator as it is set: one sample streamed as it
    /// comes (unless a stop string may need cutting from its end), or `count` decoded together.
    func run(promptIDs: [Int]) {
        if count > 1 { return printSamples(promptIDs: promptIDs) }
        let output = FileHandle.standardOutput
        let streams = !printTokenIDs && sampling.stopStrings.isEmpty
        let generation = generator.generate(prompt: promptIDs, maxTokens: maxTokens, sampling: sampling) { token in
            if streams { output.write(Data(generator.tokenizer.bytes(of: token))) }
            return true
        }
        if printTokenIDs {
            print(generation.tokens.map(String.init).joined(separator: " "))
        } else {
            output.write(Data(((streams ? "" : generation.text) + "\n").utf8))
        }
        let prefillRate = Double(generation.promptTokenCount) / max(generation.prefillSeconds, 1e-9)
        let decodeRate = Double(generation.tokens.count) / max(generation.decodeSeconds, 1e-9)
        Self.standardError(String(format: "prompt %d tokens, %.1f tokens/s; generated %d tokens, %.1f tokens/s; stop: %@\n",
                                  generation.promptTokenCount, prefillRate, generation.tokens.count, decodeRate,
                                  generation.stopReason.rawValue))
    }

    /// `count` samples of one prompt, decoded together (sample i seeded with the seed + i): each
    /// printed after a `### sample i` line.
    private func printSamples(promptIDs: [Int]) {
        let generations = generator.generate(prompt: promptIDs, count: count, maxTokens: maxTokens, sampling: sampling)
        for (index, generation) in generations.enumerated() {
            print("### sample \(index) (\(generation.tokens.count) tokens, stop: \(generation.stopReason.rawValue))")
            print(printTokenIDs ? generation.tokens.map(String.init).joined(separator: " ") : generation.text)
        }
        let tokens = generations.reduce(0) { $0 + $1.tokens.count }
        let decodeSeconds = generations.map(\.decodeSeconds).max() ?? 0
        let prefillSeconds = generations.first?.prefillSeconds ?? 0
        Self.standardError(String(
            format: "prompt %d tokens, %.1f tokens/s; generated %d tokens in %d samples, %.1f tokens/s decoding, %.1f tokens/s with the prompt\n",
            promptIDs.count, Double(promptIDs.count) / max(prefillSeconds, 1e-9), tokens, count,
            Double(tokens) / max(decodeSeconds, 1e-9), Double(tokens) / max(decodeSeconds + prefillSeconds, 1e-9)))
    }

    /// Peak resident memory of this process on standard error (one copy of the base serves
    /// every adapter).
    static func reportPeakMemory() {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        standardError(String(format: "peak memory %.1f MB\n", Double(usage.ru_maxrss) / 1024))
    }

    private static func standardError(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }
}
