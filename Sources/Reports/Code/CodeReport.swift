import Judge
import Metrics

/// Pass@1 and pass@k for one checkpoint, over the problems it was judged on.
public struct CheckpointSummary: Sendable, Codable, Equatable {
    public var checkpoint: String
    public var problems: Int
    /// Fewest samples any problem has (pass@k is reported for k up to this).
    public var minimumSamples: Int
    public var samples: Int
    /// Mean over problems of c/n.
    public var passAt1: Double
    public var interval: ConfidenceInterval
    /// Unbiased pass@k for the standard k that every problem allows, keyed by k.
    public var passAtK: [String: Double]
    /// Problems with at least one accepted sample.
    public var solved: Int
    /// Samples whose verdict was IE (harness error): left out of every number above.
    public var harnessErrors: Int
    /// Samples whose verdict was NC (no code extracted): counted in `samples` as failures.
    public var noCode: Int

    enum CodingKeys: String, CodingKey {
        case checkpoint, problems, minimumSamples = "min_samples", samples, passAt1 = "pass_at_1", interval
        case passAtK = "pass_at_k", solved, harnessErrors = "harness_errors", noCode = "no_code"
    }
}

/// One checkpoint's results on one problem.
public struct ProblemCell: Sendable, Codable, Equatable {
    public var correct: Int
    public var samples: Int
    /// Verdict counts, e.g. ["WA": 3, "TLE": 1].
    public var verdicts: [String: Int]
    /// A representative sample's code and verdict, for side-by-side panels: the lowest-index
    /// sample with the cell's most common verdict.
    public var exampleCode: String?
    public var exampleVerdict: String?
    /// The representative sample's language when not Python (a `language` of the results).
    public var exampleLanguage: String?
    /// Most CPU time any test of any sample used, seconds.
    public var slowestCPUSeconds: Double = 0
    /// Highest peak resident memory of any test, bytes.
    public var peakResidentBytes: Int = 0

    public var rate: Double { samples == 0 ? 0 : Double(correct) / Double(samples) }

    /// The most common verdict, nil without samples. Ties go to a failure (what makes a cell
    /// differ is usually its failures), then to the alphabetically first.
    public var dominantVerdict: String? {
        func rank(_ entry: (key: String, value: Int)) -> (Int, Int) { (entry.value, entry.key == "AC" ? 0 : 1) }
        return verdicts.max { rank($0) < rank($1) || (rank($0) == rank($1) && $0.key > $1.key) }?.key
    }

    enum CodingKeys: String, CodingKey {
        case correct, samples, verdicts, exampleCode = "example_code", exampleVerdict = "example_verdict"
        case exampleLanguage = "example_language"
        case slowestCPUSeconds = "slowest_cpu_s", peakResidentBytes = "peak_rss_bytes"
    }
}

/// A checkpoint against the baseline on the problems both were judged on.
public struct CheckpointComparison: Sendable, Codable, Equatable {
    public var baseline: String
    public var candidate: String
    public var problems: Int
    /// Candidate's Pass@1 minus the baseline's, on the shared problems.
    public var difference: Double
    public var interval: ConfidenceInterval?
    public var pValue: Double
    /// "exact McNemar" (one sample per problem) or "paired bootstrap".
    public var method: String
    /// Problems only the baseline / only the candidate solved (one-sample runs).
    public var onlyBaseline: Int
    public var onlyCandidate: Int
    /// The smallest difference in Pass@1 (a fraction) the exact McNemar test detects with 80%
    /// power at α = 0.05 on these problems at the discordance observed here; nil when none
    /// can be, or for bootstrap comparisons.
    public var minimumDetectableDifference: Double?
    /// About how many problems the exact McNemar test needs to detect the observed difference
    /// with 80% power at the observed discordance; nil when it is zero or more than 2,000.
    public var problemsNeeded: Int?

    enum CodingKeys: String, CodingKey {
        case baseline, candidate, problems, difference, interval, pValue = "p_value", method
        case onlyBaseline = "only_baseline", onlyCandidate = "only_candidate"
        case minimumDetectableDifference = "minimum_detectable_difference", problemsNeeded = "problems_needed"
    }

    /// The share of problems that exactly one of the two solved.
    public var discordance: Double { problems == 0 ? 0 : Double(onlyBaseline + onlyCandidate) / Double(problems) }
}

/// Everything the tables show, built from result records.
public struct CodeReport: Sendable, Codable {
    public var checkpoints: [String]
    public var summaries: [CheckpointSummary]
    /// problem id → checkpoint → cell.
    public var matrix: [String: [String: ProblemCell]]
    public var problemIDs: [String]
    public var comparisons: [CheckpointComparison]
    /// Problems on which the checkpoints' pass rates differ.
    public var differing: [String]
    /// Time and memory per test run, per checkpoint.
    public var resources: [CheckpointResources]

    enum CodingKeys: String, CodingKey {
        case checkpoints, summaries, matrix, problemIDs = "problem_ids", comparisons, differing, resources
    }

    /// Builds the report. Checkpoints keep their first-seen order; the first is the baseline.
    public init(records: [ResultRecord]) {
        var cells: [String: [String: ProblemCell]] = [:]
        // problem → checkpoint → verdict → (lowest sample index, its code)
        var examples: [String: [String: [String: (index: Int, code: String, language: String?)]]] = [:]
        var harnessErrors: [String: Int] = [:]
        // The order in which checkpoints first appear in the file(s).
        let order = records.reduce(into: [String]()) { if !$0.contains($1.checkpoint) { $0.append($1.checkpoint) } }
        for record in records {
            if record.verdict == .internalError {
                harnessErrors[record.checkpoint, default: 0] += 1
                continue
            }
            var cell = cells[record.problemID, default: [:]][record.checkpoint]
                ?? ProblemCell(correct: 0, samples: 0, verdicts: [:])
            cell.samples += 1
            if record.passed { cell.correct += 1 }
            cell.verdicts[record.verdict.rawValue, default: 0] += 1
            for test in record.tests {
                cell.slowestCPUSeconds = max(cell.slowestCPUSeconds, test.cpuTimeSeconds)
                cell.peakResidentBytes = max(cell.peakResidentBytes, test.peakResidentBytes)
            }
            let verdict = record.verdict.rawValue
            let known = examples[record.problemID]?[record.checkpoint]?[verdict]
            if known == nil || record.sampleIndex < known!.index {
                examples[record.problemID, default: [:]][record.checkpoint, default: [:]][verdict] =
                    (record.sampleIndex, record.code, record.language)
            }
            cells[record.problemID, default: [:]][record.checkpoint] = cell
        }
        for (id, row) in cells {
            for (checkpoint, cell) in row {
                guard let dominant = cell.dominantVerdict, let example = examples[id]?[checkpoint]?[dominant] else { continue }
                cells[id]![checkpoint]!.exampleCode = example.code
                cells[id]![checkpoint]!.exampleVerdict = dominant
                cells[id]![checkpoint]!.exampleLanguage = example.language
            }
        }
        checkpoints = order
        matrix = cells
        problemIDs = cells.keys.sorted()
        summaries = order.map { checkpoint in
            CodeReport.summary(checkpoint, cells: cells, harnessErrors: harnessErrors[checkpoint, default: 0])
        }
        comparisons = order.dropFirst().compactMap { CodeReport.compare(order[0], $0, cells: cells) }
        differing = problemIDs.filter { id in
            let rates = order.compactMap { cells[id]?[$0]?.rate }
            return rates.count > 1 && Set(rates).count > 1
        }
        resources = order.map { CheckpointResources(checkpoint: $0, records: records) }
    }

    static let standardK = [1, 2, 5, 10, 20, 50, 100]

    static func summary(_ checkpoint: String, cells: [String: [String: ProblemCell]], harnessErrors: Int) -> CheckpointSummary {
        let own = cells.values.compactMap { $0[checkpoint] }.filter { $0.samples > 0 }
        let minimum = own.map(\.samples).min() ?? 0
        let rates = own.map(\.rate)
        let passAt1 = rates.isEmpty ? 0 : rates.reduce(0, +) / Double(rates.count)
        let interval: ConfidenceInterval
        if own.isEmpty {
            interval = ConfidenceInterval(lower: 0, upper: 1, confidence: 0.95, method: "none")
        } else if own.allSatisfy({ $0.samples == 1 }) {
            interval = wilsonInterval(successes: own.filter { $0.correct == 1 }.count, trials: own.count)
        } else {
            interval = bootstrapMeanInterval(rates)
        }
        var passAtK: [String: Double] = [:]
        for k in standardK where k <= minimum {
            let values = own.map { Metrics.passAtK(n: $0.samples, c: $0.correct, k: k) }
            passAtK[String(k)] = values.reduce(0, +) / Double(values.count)
        }
        return CheckpointSummary(
            checkpoint: checkpoint, problems: own.count, minimumSamples: minimum, samples: own.map(\.samples).reduce(0, +),
            passAt1: passAt1, interval: interval, passAtK: passAtK, solved: own.filter { $0.correct > 0 }.count,
            harnessErrors: harnessErrors, noCode: own.map { $0.verdicts[Verdict.noCode.rawValue] ?? 0 }.reduce(0, +))
    }

    static func compare(_ baseline: String, _ candidate: String, cells: [String: [String: ProblemCell]]) -> CheckpointComparison? {
        let pairs = cells.keys.sorted().compactMap { id -> (ProblemCell, ProblemCell)? in
            guard let a = cells[id]?[baseline], let b = cells[id]?[candidate], a.samples > 0, b.samples > 0 else { return nil }
            return (a, b)
        }
        guard !pairs.isEmpty else { return nil }
        let differences = pairs.map { $0.1.rate - $0.0.rate }
        let difference = differences.reduce(0, +) / Double(differences.count)
        let onlyBaseline = pairs.filter { $0.0.correct > 0 && $0.1.correct == 0 }.count
        let onlyCandidate = pairs.filter { $0.0.correct == 0 && $0.1.correct > 0 }.count
        if pairs.allSatisfy({ $0.0.samples == 1 && $0.1.samples == 1 }) {
            var comparison = CheckpointComparison(
                baseline: baseline, candidate: candidate, problems: pairs.count, difference: difference, interval: nil,
                pValue: exactMcNemarPValue(onlyFirst: onlyBaseline, onlySecond: onlyCandidate), method: "exact McNemar",
                onlyBaseline: onlyBaseline, onlyCandidate: onlyCandidate)
            let discordance = comparison.discordance
            comparison.minimumDetectableDifference = minimumDetectableDifference(pairs: pairs.count, discordance: discordance)
            comparison.problemsNeeded = pairsNeeded(discordance: discordance, difference: difference, limit: 2000)
            return comparison
        }
        let bootstrap = PairedBootstrap().meanDifference(a: pairs.map(\.0.rate), b: pairs.map(\.1.rate))
        return CheckpointComparison(
            baseline: baseline, candidate: candidate, problems: pairs.count, difference: difference,
            interval: ConfidenceInterval(lower: bootstrap.lower, upper: bootstrap.upper, confidence: 0.95,
                                         method: "paired bootstrap"),
            pValue: pairedBootstrapPValue(differences: differences), method: "paired bootstrap",
            onlyBaseline: onlyBaseline, onlyCandidate: onlyCandidate)
    }
}

extension CodeReport {
    /// Every verdict in the order the report lists them (accepted first, the harness's own last).
    public static let verdictOrder = Verdict.allCases.map(\.rawValue)

    /// How many samples of `checkpoint` got each verdict, over every problem (harness errors,
    /// which the matrix leaves out, under IE).
    public func verdictTotals(_ checkpoint: String) -> [String: Int] {
        var totals = matrix.values.compactMap { $0[checkpoint] }.reduce(into: [String: Int]()) { totals, cell in
            for (verdict, count) in cell.verdicts { totals[verdict, default: 0] += count }
        }
        if let errors = summaries.first(where: { $0.checkpoint == checkpoint })?.harnessErrors, errors > 0 {
            totals[Verdict.internalError.rawValue] = errors
        }
        return totals
    }

    /// Problems where the pass rates agree but the checkpoints' most common verdicts do not (a
    /// compile error becoming a wrong answer, say): where the checkpoints behave differently
    /// without solving more. In problem order; the problems of `differing` are not repeated.
    public var verdictDiffering: [String] {
        let rateDiffering = Set(differing)
        return problemIDs.filter { id in
            guard !rateDiffering.contains(id) else { return false }
            let dominant = checkpoints.compactMap { matrix[id]?[$0]?.dominantVerdict }
            return dominant.count > 1 && Set(dominant).count > 1
        }
    }

    /// "AC accepted · WA wrong answer · …" for `verdicts` (raw values, in the order given).
    public static func legend(_ verdicts: [String]) -> String {
        verdicts.compactMap { Verdict(rawValue: $0).map { "\($0.rawValue) \($0.meaning)" } }.joined(separator: " · ")
    }

    /// The verdicts that occur for some checkpoint, in `verdictOrder`: the columns of the verdict table.
    public var occurringVerdicts: [String] {
        let seen = Set(checkpoints.flatMap { verdictTotals($0).filter { $0.value > 0 }.keys })
        return Self.verdictOrder.filter(seen.contains)
    }
}
