import Evaluation
import Foundation
import Inference
import Judge
import Samples
import Synchronization
import Testing
import TestSupport

@Suite("Samples decoded across problems")
struct ParallelGenerationTests {
    /// What a samples file holds, by (problem, sample index): the output and the seed.
    static func samples(in path: String) throws -> [String: String] {
        var result: [String: String] = [:]
        for line in try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n") {
            let record = try #require(JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            let key = "\(record["problem_id"] as? String ?? "?")#\(record["sample_index"] as? Int ?? -1)"
            #expect(result[key] == nil, "\(key) written twice")
            result[key] = "\(record["seed"] as? Int ?? 0): \(record["output"] as? String ?? "")"
        }
        return result
    }

    @Test("a samples file written eight samples at a time holds, sample for sample, what one problem at a time writes",
          .enabled(if: ModelFiles.smolLM2 != nil, "\(ModelFiles.smolLM2MissingReason)"))
    func parallelEqualsSequential() throws {
        let generator = try TextGenerator(modelPath: try #require(ModelFiles.smolLM2), contextCapacity: 1024, threads: 2)
        let (problems, _) = try ProblemStore.load(RepositoryPaths.path("problems"))
        let chosen = Array(problems.prefix(6))
        let directory = NSTemporaryDirectory() + "proctor-parallel-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        var files: [[String: String]] = []
        for parallel in [1, 8] {
            let settings = GenerationSettings(samplesPerProblem: 2, maxTokens: 12,
                                              sampling: SamplingParameters(temperature: 0.9, seed: 3),
                                              checkpoint: "smol", parallelSequences: parallel)
            let out = directory + "/samples-\(parallel).jsonl"
            let progress = Mutex<[Int]>([])
            try SampleGenerator(generator: generator, settings: settings).run(problems: chosen, out: out, resume: false, progress: { step in
                progress.withLock { $0.append(step.done) }
            })
            let reported = progress.withLock { $0 }
            #expect(reported.last == 12 && reported == reported.sorted(), "progress counts every sample once: \(reported)")
            files.append(try Self.samples(in: out))
        }
        #expect(files[0].count == 12)
        #expect(files[0] == files[1])
    }
}
