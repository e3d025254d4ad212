import Evaluation
import Foundation

/// Progress of a pipeline on standard error: one redrawn line per stage and checkpoint on a
/// terminal; otherwise (a log file, CI) a plain line when a stage starts or ends and every 10 s.
final class StageProgress: @unchecked Sendable {
    private let lock = NSLock()
    private let isTerminal = isatty(2) == 1
    private var lastKey = ""
    private var lastDraw = Date.distantPast

    func update(_ progress: EvalProgress) {
        lock.withLock {
            let key = progress.stage.rawValue + " " + (progress.checkpoint ?? "")
            let now = Date()
            let finished = progress.done == progress.total
            let interval = isTerminal ? 0.2 : 10
            guard key != lastKey || finished || now.timeIntervalSince(lastDraw) >= interval else { return }
            lastKey = key
            lastDraw = now
            let rate = progress.elapsedSeconds > 0 ? Double(progress.done) / progress.elapsedSeconds : 0
            let remaining = rate > 0 ? Double(progress.total - progress.done) / rate : 0
            let percent = progress.total == 0 ? 100 : 100 * Double(progress.done) / Double(progress.total)
            let line = String(format: "eval %@ %d/%d (%.0f%%) elapsed %@ ETA %@ %@", key, progress.done, progress.total,
                              percent, ProgressLine.duration(progress.elapsedSeconds), ProgressLine.duration(remaining),
                              progress.note)
            let text = isTerminal ? "\r\u{1B}[K" + line + (finished ? "\n" : "") : line + "\n"
            FileHandle.standardError.write(Data(text.utf8))
        }
    }
}
