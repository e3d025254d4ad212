import Foundation
import Samples

/// A one-line progress display on a terminal's standard error (done/total, rate, ETA); silent
/// when standard error is not a terminal.
final class ProgressLine: @unchecked Sendable {
    private let label: String
    private let enabled: Bool
    private let lock = NSLock()
    private var lastDraw = Date.distantPast

    init(label: String) {
        self.label = label
        enabled = isatty(2) == 1
    }

    func update(done: Int, total: Int, elapsed: Double, extra: String = "") {
        guard enabled else { return }
        lock.withLock {
            let now = Date()
            guard done == total || now.timeIntervalSince(lastDraw) > 0.2 else { return }
            lastDraw = now
            let rate = elapsed > 0 ? Double(done) / elapsed : 0
            let remaining = rate > 0 ? Double(total - done) / rate : 0
            let line = String(format: "\r\u{1B}[K%@ %d/%d (%.0f%%) %.1f/s ETA %@ %@", label, done, total,
                              total == 0 ? 100 : 100 * Double(done) / Double(total), rate,
                              ProgressLine.duration(remaining), extra)
            FileHandle.standardError.write(Data(line.utf8))
            if done == total { FileHandle.standardError.write(Data("\n".utf8)) }
        }
    }

    static func duration(_ seconds: Double) -> String {
        let whole = Int(seconds.rounded())
        return whole >= 60 ? "\(whole / 60)m\(String(format: "%02d", whole % 60))s" : "\(whole)s"
    }
}

/// Prints a message to standard error.
func warn(_ message: String) {
    FileHandle.standardError.write(Data(("proctor: " + message + "\n").utf8))
}

extension ProgressLine {
    /// A generation progress handler: samples done, the ETA and the generated tokens per second.
    var generation: @Sendable (GenerationProgress) -> Void {
        { step in
            let rate = Double(step.generatedTokens) / max(step.elapsedSeconds, 1e-9)
            self.update(done: step.done, total: step.total, elapsed: step.elapsedSeconds, extra: String(format: "%.1f tok/s", rate))
        }
    }
}
