import Adapters
import Foundation
import Inference
import Judge
import Reports
import Samples
import Sandbox
import Synchronization

/// `proctor eval` as a library: checkpoints → samples → results → report, in one run directory.
/// Every stage continues where a killed run stopped: generation per sample (the samples file
/// is appended one fsync'ed line at a time), judging per result (the same for results), and
/// the report is rebuilt from the files. A run directory made under settings that would make
/// its files wrong for this configuration is refused, naming the field.
public final class EvalPipeline {
    public let config: EvalConfig
    public let directory: RunDirectory
    let fingerprint: FileFingerprint

    public init(config: EvalConfig, directory: RunDirectory, fingerprint: FileFingerprint = FileFingerprint()) {
        self.config = config
        self.directory = directory
        self.fingerprint = fingerprint
    }

    /// What a finished run left.
    public struct Outcome: Sendable {
        public var report: RunReport
        /// Problems that failed to load and were left out.
        public var skippedProblems: [String]
        /// Samples generated and judged by this invocation (the rest were already there).
        public var generated: Int
        public var judged: Int
    }

    /// Runs every stage. With `forceRestart`, the run's earlier files are removed first.
    public func run(forceRestart: Bool = false, progress: @escaping @Sendable (EvalProgress) -> Void = { _ in }) throws -> Outcome {
        for (index, checkpoint) in config.checkpoints.enumerated() where checkpoint.adapters.count > 1 {
            throw EvaluationError("one adapter per checkpoint is applied; merge several first (`proctor merge`) and give "
                + "the merged directory to '\(checkpoint.label)'", field: "checkpoints[\(index)].adapter")
        }
        let (problems, skipped) = try config.problems.load()
        let sandbox = try Sandbox()
        let python = try PythonInterpreter.locate(config.judge.python)
        let manifest = try makeManifest(problems: problems, sandbox: sandbox, python: python, progress: progress)

        let lock = try directory.lock()
        defer { close(lock) }
        if forceRestart { try directory.clear() }
        let hasFunctionProblems = problems.contains { $0.entryPoint != nil }
        if let previous = try RunManifest.read(directory.manifest),
           let (field, message) = manifest.conflict(with: previous, hasFunctionProblems: hasFunctionProblems) {
            throw EvaluationError("\(message). This run directory's samples and results were made under the old "
                + "setting: restore it, choose another --out, or pass --force-restart to discard them",
                file: directory.manifest, field: field)
        }
        try directory.create()
        try config.json().write(to: URL(fileURLWithPath: directory.config), options: .atomic)
        var running = manifest
        if let previous = try RunManifest.read(directory.manifest) {
            running.startedAt = previous.startedAt
            // Checkpoints dropped from the configuration keep their record: their files stay.
            running.checkpoints += previous.checkpoints.filter { old in !manifest.checkpoints.contains { $0.label == old.label } }
        }
        running.finishedAt = nil
        try running.write(directory.manifest)

        for (index, checkpoint) in config.checkpoints.enumerated() {
            try merge(checkpoint, index: index, progress: progress)
        }
        var generated = 0
        for checkpoint in config.checkpoints {
            generated += try generate(checkpoint, problems: problems, progress: progress)
        }
        let runner = try CandidateRunner(sandbox: sandbox, python: python, timeLimitFactor: config.judge.timeLimitFactor)
        let session = JudgeSession(problems: problems, runner: runner,
                                   settings: JudgeSettings(workers: config.judge.workers, allTests: config.judge.allTests))
        var judged = 0
        for checkpoint in config.checkpoints {
            judged += try judge(checkpoint, problems: problems, session: session, progress: progress)
        }

        let report = try makeReport(problems: problems, manifest: manifest)
        try write(report.markdown(), to: directory.reportMarkdown)
        try write(report.html(), to: directory.reportHTML)
        try write(report.json(), to: directory.reportJSON)
        running.finishedAt = RunManifest.timestamp()
        try running.write(directory.manifest)
        progress(EvalProgress(stage: .report, checkpoint: nil, done: 1, total: 1, elapsedSeconds: 0))
        return Outcome(report: report, skippedProblems: skipped.map(\.description), generated: generated, judged: judged)
    }

    /// The manifest of this configuration: hashes every model, adapter and text file.
    func makeManifest(problems: [Problem], sandbox: Sandbox, python: PythonInterpreter,
                      progress: @Sendable (EvalProgress) -> Void) throws -> RunManifest {
        let started = Date()
        var checkpoints: [RunManifest.Checkpoint] = []
        for (index, spec) in config.checkpoints.enumerated() {
            progress(EvalProgress(stage: .hash, checkpoint: spec.label, done: index, total: config.checkpoints.count,
                                  elapsedSeconds: Date().timeIntervalSince(started)))
            let modelHash: String
            do { modelHash = try fingerprint.sha256(of: spec.model) } catch let error as EvaluationError {
                throw EvaluationError(error.message, file: error.file, field: "checkpoints[\(index)].model")
            }
            let adapters = try spec.adapters.map { RunManifest.HashedFile(path: $0, sha256: try fingerprint.sha256(of: $0)) }
            let merge = try spec.merge.map { merge in
                RunManifest.Merge(merge, hashes: try merge.adapters.map { path in
                    do { return try fingerprint.sha256(of: path) } catch let error as EvaluationError {
                        throw EvaluationError(error.message, file: error.file, field: "checkpoints[\(index)].merge.adapters")
                    }
                })
            }
            checkpoints.append(RunManifest.Checkpoint(
                label: spec.label, model: spec.model, modelSHA256: modelHash, adapters: adapters, merge: merge,
                temperature: spec.temperature, topP: spec.topP, topK: spec.topK, maxTokens: spec.maxTokens, seed: spec.seed,
                promptStyle: spec.promptStyle.rawValue, prompts: PromptFormatRecord.records(for: spec.promptStyle),
                extractor: spec.extractor.rawValue))
        }
        var texts: [RunManifest.HashedFile] = []
        for (index, set) in config.text.enumerated() {
            for label in set.predictions.keys.sorted() {
                let path = set.predictions[label]!
                do { texts.append(RunManifest.HashedFile(path: path, sha256: try FileFingerprint.digest(ofFile: path))) } catch {
                    throw EvaluationError("cannot read the predictions file", file: path, field: "text[\(index)].predictions.\(label)")
                }
            }
        }
        return RunManifest(
            harnessVersion: harnessVersion, problemsPath: config.problems.path,
            problemsHash: JudgeSession.problemsHash(problems), problemCount: problems.count,
            samplesPerProblem: config.samplesPerProblem, checkpoints: checkpoints,
            judgeSettings: config.judge.manifestSettings, python: "\(python.executable) \(python.version)",
            sandbox: sandbox.support, textPredictions: texts, startedAt: RunManifest.timestamp(), finishedAt: nil)
    }

    /// Merges a merge checkpoint's adapters into `merges/<label>/` unless a finished merge is
    /// there (the manifest has already refused one made from other inputs or settings). The
    /// merge is written to a hidden folder beside it, synced, and renamed into place, so
    /// `merges/<label>/` exists only whole; a killed merge leaves the hidden folder, which the
    /// next run removes.
    func merge(_ spec: CheckpointSpec, index: Int, progress: @Sendable (EvalProgress) -> Void) throws {
        guard let merge = spec.merge else { return }
        let target = directory.merge(spec.label)
        guard !FileManager.default.fileExists(atPath: target) else { return }
        let started = Date()
        progress(EvalProgress(stage: .merge, checkpoint: spec.label, done: 0, total: 1, elapsedSeconds: 0,
                              note: merge.options.method.rawValue))
        let partial = directory.mergesFolder + "/.\(spec.label).partial"
        let field = "checkpoints[\(index)].merge"
        do {
            try FileManager.default.createDirectory(atPath: directory.mergesFolder, withIntermediateDirectories: true)
            if FileManager.default.fileExists(atPath: partial) { try FileManager.default.removeItem(atPath: partial) }
        } catch {
            throw EvaluationError("cannot prepare the merge folder: \(error.localizedDescription)", file: partial, field: field)
        }
        do {
            let adapters = try merge.adapters.map(LoRAAdapter.init(directory:))
            let merged = try AdapterMerger.merge(adapters, options: merge.options)
            try AdapterWriter.write(merged, to: partial, elementType: merge.elementType)
        } catch let error as AdapterError {
            try? FileManager.default.removeItem(atPath: partial)
            throw EvaluationError(error.description, field: field)
        }
        do {
            for name in try FileManager.default.contentsOfDirectory(atPath: partial) {
                let handle = try FileHandle(forUpdating: URL(fileURLWithPath: partial + "/" + name))
                try handle.synchronize()
                try handle.close()
            }
            try FileManager.default.moveItem(atPath: partial, toPath: target)
        } catch {
            throw EvaluationError("cannot move the merged adapter into place: \(error.localizedDescription)", file: target,
                                  field: field)
        }
        progress(EvalProgress(stage: .merge, checkpoint: spec.label, done: 1, total: 1,
                              elapsedSeconds: Date().timeIntervalSince(started), note: merge.options.method.rawValue))
    }

    /// The adapter folder a checkpoint applies: its `adapter`, its merge's result, or none.
    func adapterPath(_ spec: CheckpointSpec) -> String? {
        spec.adapters.first ?? spec.merge.map { _ in directory.merge(spec.label) }
    }

    /// Samples what `samples/<label>.jsonl` lacks; loads the model only when something is missing.
    func generate(_ spec: CheckpointSpec, problems: [Problem], progress: @escaping @Sendable (EvalProgress) -> Void) throws -> Int {
        let path = directory.samples(spec.label)
        let missing = problems.count * config.samplesPerProblem - (try existingSampleKeys(path, label: spec.label, problems: problems))
        guard missing > 0 else { return 0 }
        let generator: TextGenerator
        do {
            generator = try TextGenerator(modelPath: spec.model, contextCapacity: config.contextSize, threads: config.threads)
        } catch {
            throw EvaluationError("cannot load the model: \(error)", file: spec.model, field: "checkpoint '\(spec.label)'.model")
        }
        var adapter: ProjectionAdapter?
        if let adapterPath = adapterPath(spec) {
            do {
                let adapters = try AdapterSet(loading: [(spec.label, adapterPath)], base: generator.config, source: spec.model)
                adapter = adapters.selection(spec.label)
            } catch {
                throw EvaluationError("\(error)", file: adapterPath,
                                      field: "checkpoint '\(spec.label)'." + (spec.merge == nil ? "adapter" : "merge"))
            }
        }
        let count = Mutex(0)
        let sampler = SampleGenerator(generator: generator, settings: spec.generationSettings(samplesPerProblem: config.samplesPerProblem,
                                                                                          parallel: config.parallel),
                                      adapter: adapter)
        try sampler.run(problems: problems, out: path, resume: true, progress: { step in
            count.withLock { $0 = step.done }
            let rate = Double(step.generatedTokens) / max(step.elapsedSeconds, 1e-9)
            progress(EvalProgress(stage: .generate, checkpoint: spec.label, done: step.done, total: step.total,
                                  elapsedSeconds: step.elapsedSeconds, note: String(format: "%.1f generated tok/s", rate)))
        })
        return count.withLock { $0 }
    }

    /// How many of the wanted (problem, index < n) samples a samples file already holds.
    private func existingSampleKeys(_ path: String, label: String, problems: [Problem]) throws -> Int {
        guard FileManager.default.fileExists(atPath: path) else { return 0 }
        try OutputFile.cutPartialLastLine(path)
        let wanted = Set(problems.map(\.id))
        let options = SampleReader.Options(checkpoint: label, skipInvalid: true, entryPoints: SampleReader.Options.entryPoints(of: problems))
        let (samples, _, _) = try SampleReader.read(path, options: options)
        return Set(samples.filter { wanted.contains($0.problemID) && $0.index < config.samplesPerProblem }.map(\.key)).count
    }

    /// Judges what `results/<label>.jsonl` lacks.
    func judge(_ spec: CheckpointSpec, problems: [Problem], session: JudgeSession,
               progress: @escaping @Sendable (EvalProgress) -> Void) throws -> Int {
        let samplesPath = directory.samples(spec.label), resultsPath = directory.results(spec.label)
        let options = SampleReader.Options(extractor: spec.extractor, checkpoint: spec.label,
                                           entryPoints: SampleReader.Options.entryPoints(of: problems))
        let (all, _, _) = try SampleReader.read(samplesPath, options: options)
        let samples = all.filter { $0.checkpoint == spec.label && $0.index < config.samplesPerProblem }
        let manifest = ResultManifest(harnessVersion: harnessVersion, problemsHash: JudgeSession.problemsHash(problems),
                                      settings: config.judge.manifestSettings, shard: nil)
        let run = try session.judge(samples, into: resultsPath, manifest: manifest, resume: true) { step in
            progress(EvalProgress(stage: .judge, checkpoint: spec.label, done: step.done, total: step.total,
                                  elapsedSeconds: step.elapsedSeconds, note: "AC \(step.accepted)"))
        }
        return run.judged
    }

    /// The report from the results files: this configuration's checkpoints, problems and n only,
    /// in a fixed order so that a resumed run reports exactly what an uninterrupted one does.
    func makeReport(problems: [Problem], manifest: RunManifest) throws -> RunReport {
        let wanted = Set(problems.map(\.id))
        var records: [ResultRecord] = []
        for spec in config.checkpoints {
            var own = try ResultFile.read(directory.results(spec.label)).filter {
                $0.checkpoint == spec.label && wanted.contains($0.problemID) && $0.sampleIndex < config.samplesPerProblem
            }
            own.sort { ($0.problemID, $0.sampleIndex) < ($1.problemID, $1.sampleIndex) }
            var seen: Set<SampleKey> = []
            records += own.filter { seen.insert($0.key).inserted }
        }
        let code = CodeReport(records: records)
        let order = config.checkpoints.map(\.label)
        let text = try config.text.enumerated().map { index, set in
            try TextMetricTables.scored(set, order: order, field: "text[\(index)]")
        }
        var statements: [String: String] = [:]
        for problem in problems { statements[problem.id] = problem.statement }
        let trainedUntil = Dictionary(config.checkpoints.compactMap { spec in spec.trainedUntil.map { (spec.label, $0) } },
                                      uniquingKeysWith: { first, _ in first })
        let releaseDates = Dictionary(problems.compactMap { problem in problem.releaseDate.map { (problem.id, $0) } },
                                      uniquingKeysWith: { first, _ in first })
        let cutoffs = trainedUntil.isEmpty ? nil
            : ReleaseWindows.Cutoffs(records: records, releaseDates: releaseDates, cutoffs: trainedUntil)
        return RunReport(title: "Proctor evaluation: " + order.joined(separator: " vs "), facts: facts(manifest),
                         code: code, text: text.map(\.table), interference: interferenceTable(code: code, text: text),
                         cutoffs: cutoffs, statements: statements)
    }

    /// The interference table when the configuration asks for one: code's Pass@1 (with its
    /// interval) and each listed text set's headline score, per checkpoint.
    func interferenceTable(code: CodeReport, text: [TextMetricTables.Scored]) -> InterferenceTable? {
        guard let spec = config.interference else { return nil }
        var tasks: [InterferenceTable.Task] = []
        var scores: [String: [String: InterferenceTable.Score]] = [:]
        for name in spec.tasks(text: config.text) {
            if name == InterferenceSpec.codeTask {
                tasks.append(InterferenceTable.Task(name: name, metric: "Pass@1", own: spec.own[name]!))
                for summary in code.summaries where summary.problems > 0 {
                    scores[name, default: [:]][summary.checkpoint] = InterferenceTable.Score(summary.passAt1, interval: summary.interval)
                }
            } else if let index = config.text.firstIndex(where: { $0.name == name }) {
                tasks.append(InterferenceTable.Task(name: name, metric: text[index].metric, own: spec.own[name]!))
                scores[name] = text[index].headline
            }
        }
        return InterferenceTable(tasks: tasks, checkpoints: config.checkpoints.map(\.label), scores: scores)
    }

    /// The report's head: what was evaluated and how (no times, so reruns compare equal).
    func facts(_ manifest: RunManifest) -> [RunFact] {
        var facts = [RunFact("problems", "\(manifest.problemCount) from \(manifest.problemsPath) (\(manifest.problemsHash))"),
                     RunFact("samples per problem", "\(config.samplesPerProblem)")]
        for checkpoint in manifest.checkpoints where config.checkpoints.contains(where: { $0.label == checkpoint.label }) {
            let adapters = checkpoint.adapters.map { " + \(($0.path as NSString).lastPathComponent) (sha256 \($0.sha256.prefix(12))…)" }
            let merge = checkpoint.merge.map { merge in
                " + \(merge.method) merge of " + merge.adapters.map { "\(($0.path as NSString).lastPathComponent) (sha256 "
                    + "\($0.sha256.prefix(12))…)" }.joined(separator: ", ")
                    + (merge.weights.map { ", weights \($0.map { String($0) }.joined(separator: ", "))" } ?? "")
                    + (merge.density.map { ", density \($0)" } ?? "")
            } ?? ""
            facts.append(RunFact(checkpoint.label, "\((checkpoint.model as NSString).lastPathComponent) "
                + "(sha256 \(checkpoint.modelSHA256.prefix(12))…)\(adapters.joined())\(merge); temperature \(checkpoint.temperature), "
                + "top_p \(checkpoint.topP), top_k \(checkpoint.topK), max_tokens \(checkpoint.maxTokens), seed \(checkpoint.seed); "
                + "prompt style \(checkpoint.promptStyle ?? "unrecorded"), extractor \(checkpoint.extractor ?? "last-fence")"))
        }
        if let tokens = tokenFact() { facts.append(tokens) }
        let settings = manifest.judgeSettings.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
        facts.append(RunFact("judging", "\(manifest.harnessVersion); \(settings); \(manifest.python)"))
        let sandbox = manifest.sandbox
        var protections = [sandbox.seccomp ? (sandbox.seccompNotify ? "seccomp (notify)" : "seccomp") : "no seccomp",
                           sandbox.landlockABI.map { "Landlock ABI \($0)" } ?? "no Landlock",
                           sandbox.cgroup ? "memory cgroup" : "no memory cgroup (address-space limit)"]
        protections.append("kernel \(sandbox.kernelRelease)")
        facts.append(RunFact("sandbox", protections.joined(separator: ", ")))
        return facts
    }

    /// Generated tokens per sample and checkpoint, the reasoning block's apart from the answer's
    /// (from the samples files; nil when none records token counts).
    func tokenFact() -> RunFact? {
        var parts: [String] = []
        let decoder = JSONDecoder()
        for spec in config.checkpoints {
            guard let text = try? String(contentsOfFile: directory.samples(spec.label), encoding: .utf8) else { continue }
            let records = text.split(separator: "\n").compactMap { try? decoder.decode(SampleRecord.self, from: Data($0.utf8)) }
                .filter { $0.sampleIndex < config.samplesPerProblem }
            let counted = records.compactMap { record in record.completionTokens.map { ($0, record.reasoningTokens ?? 0) } }
            guard !counted.isEmpty else { continue }
            let total = counted.map(\.0).reduce(0, +), reasoning = counted.map(\.1).reduce(0, +)
            let perSample = Double(total) / Double(counted.count), reasoningPerSample = Double(reasoning) / Double(counted.count)
            parts.append(String(format: "%@ %.0f (answer %.0f, reasoning %.0f)", spec.label, perSample,
                                perSample - reasoningPerSample, reasoningPerSample))
        }
        return parts.isEmpty ? nil : RunFact("generated tokens per sample", parts.joined(separator: "; "))
    }

    private func write(_ text: String, to path: String) throws {
        do {
            try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw EvaluationError("cannot write: \(error.localizedDescription)", file: path)
        }
    }
}
