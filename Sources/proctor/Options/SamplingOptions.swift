import ArgumentParser
import Inference

/// How `proctor generate` draws each token and when a sample ends.
struct SamplingOptions: ParsableArguments {
    @Option(help: "Most tokens to generate.")
    var maxTokens: Int = 256

    @Option(help: "Sampling temperature; 0 is greedy.")
    var temperature: Float = 0

    @Option(help: "Keep only the k most likely tokens (0: all).")
    var topK: Int = 0

    @Option(help: "Nucleus sampling threshold (1: off).")
    var topP: Float = 1

    @Option(help: "Seed of the random draws.")
    var seed: UInt64 = 0

    @Option(help: "Repeat penalty (llama.cpp's): logits of recent tokens divided by it when positive, multiplied when not; 1 is off.")
    var repeatPenalty: Float = 1

    @Option(help: "Recent tokens (prompt included) the repeat penalty looks at; 0 none, -1 all.")
    var repeatLastN: Int = 64

    @Option(help: "Stop once the text contains this string, which is cut from the output (repeatable).")
    var stop: [String] = []

    func validate() throws {
        guard maxTokens >= 0 else { throw ValidationError("--max-tokens must not be negative.") }
        guard temperature >= 0 else { throw ValidationError("--temperature must not be negative.") }
        guard topP > 0 && topP <= 1 else { throw ValidationError("--top-p must be in (0, 1].") }
        guard repeatPenalty > 0 else { throw ValidationError("--repeat-penalty must be positive.") }
        guard repeatLastN >= -1 else { throw ValidationError("--repeat-last-n must be -1, 0 or positive.") }
        guard stop.allSatisfy({ !$0.isEmpty }) else { throw ValidationError("--stop needs a non-empty string.") }
    }

    /// The options as the library takes them.
    var parameters: SamplingParameters {
        SamplingParameters(temperature: temperature, topK: topK, topP: topP, seed: seed,
                           repeatPenalty: repeatPenalty, repeatLastN: repeatLastN, stopStrings: stop)
    }
}
