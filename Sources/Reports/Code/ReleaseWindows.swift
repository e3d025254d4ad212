import Foundation
import Judge
import Metrics

/// Results by when their problems were released, for comparing a model on problems published
/// after its training data ends (LiveCodeBench's contamination windows).
public enum ReleaseWindows {
    /// How the per-window table groups release dates.
    public enum Period: String, CaseIterable, Sendable {
        case month, quarter

        /// The window a `YYYY-MM-DD` date falls in: `2024-05`, or `2024-Q2`.
        func window(of date: String) -> String {
            let year = date.prefix(4), month = Int(date.dropFirst(5).prefix(2)) ?? 1
            switch self {
            case .month: return String(date.prefix(7))
            case .quarter: return "\(year)-Q\((month - 1) / 3 + 1)"
            }
        }
    }

    /// The records whose problem was released on or after `after` and before `before` (dates
    /// `YYYY-MM-DD`, either may be nil), and the problems left out for having no release date.
    public static func filter(_ records: [ResultRecord], releaseDates: [String: String], after: String?,
                              before: String?) -> (kept: [ResultRecord], undated: Set<String>) {
        var undated = Set<String>()
        let kept = records.filter { record in
            guard let date = releaseDates[record.problemID] else {
                undated.insert(record.problemID)
                return false
            }
            if let after, date < after { return false }
            if let before, date >= before { return false }
            return true
        }
        return (kept, undated)
    }

    /// A Markdown table: per window, its problems and each checkpoint's Pass@1 (the mean over
    /// problems of the share of samples that passed; with one sample per problem, solved
    /// problems with a 95% Wilson interval). Records of undated problems are left out.
    public static func markdown(_ records: [ResultRecord], releaseDates: [String: String], period: Period) -> String {
        var checkpoints: [String] = []
        // window → checkpoint → problem → (passed, samples)
        var tallies: [String: [String: [String: (passed: Int, samples: Int)]]] = [:]
        for record in records {
            guard let date = releaseDates[record.problemID] else { continue }
            if !checkpoints.contains(record.checkpoint) { checkpoints.append(record.checkpoint) }
            var tally = tallies[period.window(of: date), default: [:]][record.checkpoint, default: [:]][record.problemID] ?? (0, 0)
            tally.passed += record.passed ? 1 : 0
            tally.samples += 1
            tallies[period.window(of: date), default: [:]][record.checkpoint, default: [:]][record.problemID] = tally
        }
        var lines = ["## Pass@1 by release window (\(period.rawValue))", "",
                     "| window | problems | " + checkpoints.joined(separator: " | ") + " |",
                     "|---|---:|" + String(repeating: "---|", count: checkpoints.count)]
        for window in tallies.keys.sorted() {
            let byCheckpoint = tallies[window]!
            let problems = Set(byCheckpoint.values.flatMap(\.keys)).count
            let cells = checkpoints.map { checkpoint -> String in
                guard let perProblem = byCheckpoint[checkpoint], !perProblem.isEmpty else { return "–" }
                let rate = perProblem.values.map { Double($0.passed) / Double($0.samples) }.reduce(0, +) / Double(perProblem.count)
                let percent = String(format: "%.1f%%", 100 * rate)
                guard perProblem.values.allSatisfy({ $0.samples == 1 }) else { return percent }
                let solved = perProblem.values.filter { $0.passed == 1 }.count
                let interval = wilsonInterval(successes: solved, trials: perProblem.count)
                return percent + String(format: " (%d/%d, %.1f–%.1f%%)", solved, perProblem.count,
                                        100 * interval.lower, 100 * interval.upper)
            }
            lines.append("| \(window) | \(problems) | " + cells.joined(separator: " | ") + " |")
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
