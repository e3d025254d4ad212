import Foundation
@testable import Inference
import TestSupport
import Testing

/// Continuous batching must not change a token: requests decoded together — admitted as others
/// finish, their prompts running in the same forward passes as the others' next tokens — give
/// exactly what each gives decoded alone.
@Suite("Decoding many requests together", .serialized)
struct SequenceSchedulerTests {
    /// Eight corpus problems' statements (cut to their first 400 characters, so the test stays
    /// quick) as chat prompts: different lengths, different texts.
    static func prompts(_ generator: TextGenerator) throws -> [[Int]] {
        let folders = try FileManager.default.contentsOfDirectory(atPath: RepositoryPaths.path("problems"))
            .filter { $0.first == "e" }.sorted().prefix(8)
        return try folders.map { folder in
            let statement = try String(contentsOfFile: RepositoryPaths.path("problems/\(folder)/statement.md"), encoding: .utf8)
            return generator.promptTokens(for: "Solve in Python:\n" + statement.prefix(400), raw: false)
        }
    }

    /// Greedy requests of different token limits, one sampled request of four samples (more
    /// than the three sequences allowed at once, so it runs alone) and one of two.
    static func requests(_ prompts: [[Int]]) -> [DecodeRequest] {
        prompts.enumerated().map { index, prompt in
            let count = index == 2 ? 4 : (index == 5 ? 2 : 1)
            let samplings = (0..<count).map { sample in
                count == 1 ? SamplingParameters(temperature: 0)
                           : SamplingParameters(temperature: 0.8, seed: 77 &+ UInt64(sample))
            }
            return DecodeRequest(prompt: prompt, samplings: samplings, maxTokens: 6 + 3 * index)
        }
    }

    @Test("eight problems decoded three at a time on SmolLM2 equal each decoded alone, token for token",
          .enabled(if: ModelFiles.smolLM2 != nil, "\(ModelFiles.smolLM2MissingReason)"))
    func togetherEqualsAloneSmolLM2() throws {
        try checkTogetherEqualsAlone(try #require(ModelFiles.smolLM2))
    }

    @Test("eight problems decoded three at a time on Qwen2.5-Coder-0.5B equal each decoded alone, token for token",
          .enabled(if: ModelFiles.qwen05 != nil, "\(ModelFiles.qwen05MissingReason)"))
    func togetherEqualsAloneQwen() throws {
        try checkTogetherEqualsAlone(try #require(ModelFiles.qwen05))
    }

    private func checkTogetherEqualsAlone(_ path: String) throws {
        let generator = try TextGenerator(modelPath: path, contextCapacity: 512, threads: 2)
        let requests = Self.requests(try Self.prompts(generator))
        var together = [[TextGenerator.Generation]?](repeating: nil, count: requests.count)
        var finishes = 0
        generator.generate(requests: requests, maxSequences: 3) { request, generations in
            #expect(together[request] == nil, "request \(request) finished twice")
            together[request] = generations
            finishes += 1
        }
        #expect(finishes == requests.count)
        for (index, request) in requests.enumerated() {
            let alone = generator.generate(prompt: request.prompt, samplings: request.samplings, maxTokens: request.maxTokens)
            let batched = try #require(together[index])
            #expect(batched.count == request.samplings.count)
            #expect(batched.map(\.tokens) == alone.map(\.tokens), "request \(index)")
            #expect(batched.map(\.stopReason) == alone.map(\.stopReason), "request \(index)")
            #expect(batched.allSatisfy { $0.promptTokenCount == request.prompt.count })
        }
        let sampled = try #require(together[2])
        #expect(Set(sampled.map(\.tokens)).count > 1, "four seeds give different samples")
        // The prompts open alike (chat template, "Solve in Python:"): every one after the first
        // ran only what differs, and still decoded exactly as alone.
        for index in 1..<requests.count {
            let reused = together[index]?.first?.reusedPromptTokens ?? 0
            #expect(reused >= SequenceScheduler.minimumReuse && reused < requests[index].prompt.count, "request \(index) reused \(reused)")
        }
    }

    /// A server's case: requests arrive while others decode (here one more after every fifth
    /// token generated), and an idle feed ends nothing while work is admitted.
    @Test("requests handed in while others decode join the batch and decode as they would alone",
          .enabled(if: ModelFiles.smolLM2 != nil, "\(ModelFiles.smolLM2MissingReason)"))
    func requestsJoiningMidRun() throws {
        let generator = try TextGenerator(modelPath: try #require(ModelFiles.smolLM2), contextCapacity: 512, threads: 2)
        let requests = Self.requests(try Self.prompts(generator))
        var handedOut = 0, tokens = 0, handedAtTokens: [Int] = [], pollsSinceToken = -1
        var together = [[TextGenerator.Generation]?](repeating: nil, count: requests.count)
        generator.generate(
            feed: { () -> DecodeRequest? in
                // The first request at once, then one per five tokens decoded since (or when the
                // scheduler, idle, asks twice without a token between: it would stop at a second
                // nil; the count starts at -1 for the two asks before the first token).
                pollsSinceToken += 1
                guard handedOut < requests.count, handedOut == 0 || tokens >= 5 * handedOut || pollsSinceToken >= 2
                else { return nil }
                handedOut += 1
                handedAtTokens.append(tokens)
                return requests[handedOut - 1]
            },
            maxSequences: 4,
            onToken: { _, _, _ in tokens += 1; pollsSinceToken = 0; return true },
            onFinish: { request, generations in
                #expect(together[request] == nil, "request \(request) finished twice")
                together[request] = generations
            })
        #expect(handedOut == requests.count, "the feed was asked until it had handed out everything")
        #expect(handedAtTokens.dropFirst().allSatisfy { $0 > 0 }, "later requests arrived during the run: \(handedAtTokens)")
        for (index, request) in requests.enumerated() {
            let alone = generator.generate(prompt: request.prompt, samplings: request.samplings, maxTokens: request.maxTokens)
            let batched = try #require(together[index], "request \(index) finished")
            #expect(batched.map(\.tokens) == alone.map(\.tokens), "request \(index)")
        }
    }

    @Test("more samples than a forward pass holds take several passes per step and decode as they would in one",
          .enabled(if: ModelFiles.smolLM2 != nil, "\(ModelFiles.smolLM2MissingReason)"))
    func samplesBeyondOnePass() throws {
        let path = try #require(ModelFiles.smolLM2)
        let narrow = try TextGenerator(modelPath: path, contextCapacity: 128, threads: 2, batchSize: 4)
        let wide = try TextGenerator(modelPath: path, contextCapacity: 128, threads: 2, batchSize: 64)
        let prompt = wide.promptTokens(for: "Name a prime number.", raw: false)
        let samplings = (0..<6).map { SamplingParameters(temperature: 0.8, seed: 11 &+ UInt64($0)) }
        let split = narrow.generate(prompt: prompt, samplings: samplings, maxTokens: 10)
        let whole = wide.generate(prompt: prompt, samplings: samplings, maxTokens: 10)
        #expect(split.map(\.tokens) == whole.map(\.tokens))
        #expect(Set(whole.map(\.tokens)).count > 1)
    }

    @Test("a prompt longer than the cache ends as contextFull without stopping the others; an error from onFinish stops the run",
          .enabled(if: ModelFiles.smolLM2 != nil, "\(ModelFiles.smolLM2MissingReason)"))
    func oversizedPromptAndStop() throws {
        let generator = try TextGenerator(modelPath: try #require(ModelFiles.smolLM2), contextCapacity: 96, threads: 2)
        let short = generator.promptTokens(for: "Name a prime number.", raw: false)
        let long = Array(repeating: short, count: 20).flatMap { $0 }
        #expect(long.count > 96)
        let requests = [short, long, short].map {
            DecodeRequest(prompt: $0, samplings: [SamplingParameters(temperature: 0)], maxTokens: 8)
        }
        var results: [Int: TextGenerator.Generation] = [:]
        generator.generate(requests: requests, maxSequences: 2) { request, generations in results[request] = generations[0] }
        #expect(results[1]?.stopReason == .contextFull && results[1]?.tokens.isEmpty == true)
        #expect(results[0]?.tokens == results[2]?.tokens && results[0]?.tokens.isEmpty == false)

        struct Enough: Error {}
        var finished = 0
        do {
            try generator.generate(requests: requests, maxSequences: 2) { (_, _) throws(Enough) in
                finished += 1
                throw Enough()
            }
            Issue.record("the error from onFinish was not rethrown")
        } catch {}
        #expect(finished == 1, "the run stops at the first error")
    }
}
