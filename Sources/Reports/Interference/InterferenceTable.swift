import Foundation
import Metrics

/// The interference table of adapters trained on different tasks and their merges: every
/// checkpoint scored on every task, and each score's change from the score of the task's own
/// checkpoint (the adapter trained for it) — the "performance drop after merging".
/// Scores are fractions in [0, 1] (Pass@1, token F1, accuracy, macro-F1); the renderers show
/// them as percentages and the changes in percentage points and relative percent.
public struct InterferenceTable: Sendable, Codable, Equatable {
    /// A checkpoint's score on a task, with its 95% interval where one exists.
    public struct Score: Sendable, Codable, Equatable {
        public var value: Double
        public var interval: ConfidenceInterval?

        public init(_ value: Double, interval: ConfidenceInterval? = nil) {
            self.value = value
            self.interval = interval
        }
    }

    /// One column: a task, the metric that scores it, and its own checkpoint.
    public struct Task: Sendable, Codable, Equatable {
        /// `code` or a text prediction set's name.
        public var name: String
        /// The headline metric's name, e.g. "Pass@1", "F1", "Macro-F1".
        public var metric: String
        /// The label of the checkpoint trained for the task.
        public var own: String

        public init(name: String, metric: String, own: String) {
            self.name = name
            self.metric = metric
            self.own = own
        }
    }

    /// One checkpoint's score on one task and its change from the own checkpoint's.
    public struct Cell: Sendable, Codable, Equatable {
        public var score: Score
        /// This checkpoint is the task's own checkpoint (its change is 0).
        public var isOwn: Bool
        /// Score minus the own checkpoint's score (a fraction; ×100 is percentage points);
        /// nil when the own checkpoint has no score on the task.
        public var change: Double?
        /// `change` divided by the own checkpoint's score; nil when that score is 0 or missing.
        public var relativeChange: Double?

        enum CodingKeys: String, CodingKey {
            case score, isOwn = "own", change, relativeChange = "relative_change"
        }
    }

    /// One checkpoint's cells, one per task (nil where it has no score on the task).
    public struct Row: Sendable, Codable, Equatable {
        public var checkpoint: String
        public var cells: [Cell?]
    }

    public var tasks: [Task]
    public var rows: [Row]

    /// The table of `checkpoints` (rows, in order) on `tasks` (columns, in order), from
    /// `scores[task name][checkpoint label]`.
    public init(tasks: [Task], checkpoints: [String], scores: [String: [String: Score]]) {
        self.tasks = tasks
        rows = checkpoints.map { checkpoint in
            Row(checkpoint: checkpoint, cells: tasks.map { task -> Cell? in
                guard let score = scores[task.name]?[checkpoint] else { return nil }
                let reference = scores[task.name]?[task.own]?.value
                let change = reference.map { score.value - $0 }
                let relative = reference.flatMap { reference in change.flatMap { reference == 0 ? nil : $0 / reference } }
                return Cell(score: score, isOwn: checkpoint == task.own, change: change, relativeChange: relative)
            })
        }
    }

    /// How to read the table, in one sentence.
    public static let explanation = "Rows are checkpoints, columns are tasks; each cell is the checkpoint's score on the task "
        + "(95% interval in brackets) and its change from the task's own checkpoint (the adapter trained for it, marked own), "
        + "in percentage points and relative percent: a merge without interference keeps every change near 0, and a "
        + "negative change is the performance drop after merging."

    /// The section as Markdown.
    public func markdown() -> String {
        var lines = ["## Interference", "", Self.explanation, "",
                     "| checkpoint | " + tasks.map { "\($0.name) (\($0.metric); own: \($0.own))" }.joined(separator: " | ") + " |",
                     "|---|" + String(repeating: "---|", count: tasks.count)]
        for row in rows {
            let cells = row.cells.map { cell -> String in
                guard let cell else { return "–" }
                let score = Self.scoreText(cell.score)
                return cell.isOwn ? "**\(score)** (own)" : score + "; " + Self.changeText(cell)
            }
            lines.append("| \(row.checkpoint) | " + cells.joined(separator: " | ") + " |")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// "45.0% [38.1%, 52.0%]" or "45.0%" without an interval.
    public static func scoreText(_ score: Score) -> String {
        let value = String(format: "%.1f%%", score.value * 100)
        guard let interval = score.interval else { return value }
        return value + String(format: " [%.1f%%, %.1f%%]", interval.lower * 100, interval.upper * 100)
    }

    /// "−12.0 pp (−21.4%)", or "–" without a reference.
    public static func changeText(_ cell: Cell) -> String {
        guard let change = cell.change else { return "–" }
        let absolute = String(format: "%+.1f pp", change * 100)
        guard let relative = cell.relativeChange else { return absolute }
        return absolute + String(format: " (%+.1f%%)", relative * 100)
    }
}
