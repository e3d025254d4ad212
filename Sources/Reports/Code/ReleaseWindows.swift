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

    /// Pass@1 per release window and checkpoint: the mean over the window's problems of the
    /// share of a problem's samples that passed; with one sample per problem, solved problems and
    /// a 95% Wilson interval too. Records of undated problems are left out.
    /// Pass@1 over problems given as problem → (passed, samples): "41.7% (5/12, 19.3–68.0%)" with
    /// one sample per problem (solved and a 95% Wilson interval), the rate alone otherwise, "–" for none.
    static func cell(_ perProblem: [String: (passed: Int, samples: Int)]) -> String {
        guard !perProblem.isEmpty else { return "–" }
        let rate = perProblem.values.map { Double($0.passed) / Double($0.samples) }.reduce(0, +) / Double(perProblem.count)
        let percent = String(format: "%.1f%%", 100 * rate)
        guard perProblem.values.allSatisfy({ $0.samples == 1 }) else { return percent }
        let solved = perProblem.values.filter { $0.passed == 1 }.count
        let interval = wilsonInterval(successes: solved, trials: perProblem.count)
        return percent + String(format: " (%d/%d, %.1f–%.1f%%)", solved, perProblem.count,
                                100 * interval.lower, 100 * interval.upper)
    }

    /// Pass@1 of each checkpoint with a training cut-off (a configuration's `trained_until`) on the
    /// problems released on or before it (the model may have seen them) and after it (it cannot
    /// have): the contamination-safe score is the second.
    public struct Cutoffs: Sendable, Codable {
        public struct Row: Sendable, Codable {
            public var checkpoint: String
            /// `YYYY-MM-DD`.
            public var trainedUntil: String
            public var seenProblems: Int
            public var seen: String
            public var unseenProblems: Int
            public var unseen: String
        }

        public var rows: [Row]
        /// Problems without a release date, in neither column.
        public var undatedProblems: Int

        /// `cutoffs`: checkpoint → its `trained_until`; checkpoints without one are left out.
        public init(records: [ResultRecord], releaseDates: [String: String], cutoffs: [String: String]) {
            var tallies: [String: [Bool: [String: (passed: Int, samples: Int)]]] = [:]  // checkpoint → after? → problem
            var order: [String] = []
            var undated = Set<String>()
            for record in records {
                guard let cutoff = cutoffs[record.checkpoint] else { continue }
                guard let date = releaseDates[record.problemID] else {
                    undated.insert(record.problemID)
                    continue
                }
                if !order.contains(record.checkpoint) { order.append(record.checkpoint) }
                var tally = tallies[record.checkpoint, default: [:]][date > cutoff, default: [:]][record.problemID] ?? (0, 0)
                tally.passed += record.passed ? 1 : 0
                tally.samples += 1
                tallies[record.checkpoint, default: [:]][date > cutoff, default: [:]][record.problemID] = tally
            }
            rows = order.map { checkpoint in
                let seen = tallies[checkpoint]?[false] ?? [:], unseen = tallies[checkpoint]?[true] ?? [:]
                return Row(checkpoint: checkpoint, trainedUntil: cutoffs[checkpoint]!, seenProblems: seen.count,
                           seen: ReleaseWindows.cell(seen), unseenProblems: unseen.count, unseen: ReleaseWindows.cell(unseen))
            }
            undatedProblems = undated.count
        }

        public func markdown() -> String {
            var lines = ["## Pass@1 before and after each checkpoint's training cut-off", "",
                         "Problems released after a checkpoint's `trained_until` cannot be in its training data.", "",
                         "| checkpoint | trained until | released by then | Pass@1 | released after | Pass@1 |",
                         "|---|---|---:|---:|---:|---:|"]
            for row in rows {
                lines.append("| \(row.checkpoint) | \(row.trainedUntil) | \(row.seenProblems) | \(row.seen) | "
                             + "\(row.unseenProblems) | \(row.unseen) |")
            }
            if undatedProblems > 0 { lines += ["", "\(undatedProblems) problems have no release date and are in neither column."] }
            return lines.joined(separator: "\n") + "\n"
        }
    }

    public struct Table: Sendable {
        public var period: Period
        public var checkpoints: [String]
        public var rows: [Row]

        public struct Row: Sendable {
            /// `2024-05` or `2024-Q2`.
            public var window: String
            public var problems: Int
            /// One per checkpoint, in `checkpoints`' order: "41.7% (5/12, 19.3–68.0%)", or "–".
            public var cells: [String]
        }

        public init(records: [ResultRecord], releaseDates: [String: String], period: Period) {
            var checkpoints: [String] = []
            // window → checkpoint → problem → (passed, samples)
            var tallies: [String: [String: [String: (passed: Int, samples: Int)]]] = [:]
            for record in records {
                guard let date = releaseDates[record.problemID] else { continue }
                if !checkpoints.contains(record.checkpoint) { checkpoints.append(record.checkpoint) }
                let window = period.window(of: date)
                var tally = tallies[window, default: [:]][record.checkpoint, default: [:]][record.problemID] ?? (0, 0)
                tally.passed += record.passed ? 1 : 0
                tally.samples += 1
                tallies[window, default: [:]][record.checkpoint, default: [:]][record.problemID] = tally
            }
            rows = tallies.keys.sorted().map { window in
                let byCheckpoint = tallies[window]!
                let cells = checkpoints.map { ReleaseWindows.cell(byCheckpoint[$0] ?? [:]) }
                return Row(window: window, problems: Set(byCheckpoint.values.flatMap(\.keys)).count, cells: cells)
            }
            self.period = period
            self.checkpoints = checkpoints
        }

        /// The table in Markdown, under its own heading.
        public func markdown() -> String {
            var lines = ["## Pass@1 by release window (\(period.rawValue))", "",
                         "| window | problems | " + checkpoints.joined(separator: " | ") + " |",
                         "|---|---:|" + String(repeating: "---:|", count: checkpoints.count)]
            for row in rows {
                lines.append("| \(row.window) | \(row.problems) | " + row.cells.joined(separator: " | ") + " |")
            }
            return lines.joined(separator: "\n") + "\n"
        }
    }
}
