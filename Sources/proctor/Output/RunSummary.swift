import Foundation
import Sandbox

/// One readable line about a sandboxed run.
enum RunSummary {
    static func line(_ result: RunResult) -> String {
        var status = result.status.rawValue
        if let kind = result.timeLimitKind { status += " (\(kind.rawValue))" }
        if let violation = result.violation {
            status += " (syscall \(violation.syscall)\(violation.name.map { " \($0)" } ?? ""))"
        }
        if let message = result.harnessMessage { status += ": \(message)" }
        var parts = [status]
        if let code = result.exitCode { parts.append("exit \(code)") }
        if let signal = result.signal { parts.append("signal \(signal)") }
        parts.append(String(format: "cpu %.3f s", result.cpuTimeSeconds))
        parts.append(String(format: "wall %.3f s", result.wallTimeSeconds))
        parts.append(String(format: "rss %.1f MiB", Double(result.peakResidentBytes) / 1_048_576))
        parts.append("stdout \(result.stdoutBytes) B")
        return "proctor: " + parts.joined(separator: ", ") + " [" + protectionList(result.protections) + "]"
    }

    static func protectionList(_ protections: Protections) -> String {
        var names: [String] = []
        if protections.seccomp { names.append(protections.seccompNotify ? "seccomp(notify)" : "seccomp") }
        if protections.landlock { names.append("landlock(abi \(protections.landlockABI ?? 0))") }
        if protections.rlimits { names.append("rlimits") }
        if protections.cgroup { names.append("cgroup") }
        if protections.capabilitiesDropped { names.append("no-caps") }
        if !protections.namespaces.isEmpty { names.append("ns:" + protections.namespaces.joined(separator: ",")) }
        return names.joined(separator: " ")
    }
}
