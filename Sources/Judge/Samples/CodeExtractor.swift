import Foundation

/// Gets the program out of a model's raw output.
public enum CodeExtractor: String, Sendable, CaseIterable {
    /// The lines between the last two lines containing ``` (LiveCodeBench's rule); empty if fewer than two.
    case lastFence = "last-fence"
    /// The first block fenced as ```python (or ```py); falls back to the last fence.
    case firstPython = "first-python"
    /// The output as it is.
    case none

    public func extract(_ output: String) -> String {
        switch self {
        case .none:
            return output
        case .lastFence:
            let lines = output.split(separator: "\n", omittingEmptySubsequences: false)
            let fences = lines.indices.filter { lines[$0].contains("```") }
            guard fences.count >= 2 else { return "" }
            let start = fences[fences.count - 2] + 1
            let end = fences[fences.count - 1]
            return lines[start..<end].joined(separator: "\n")
        case .firstPython:
            let lines = output.split(separator: "\n", omittingEmptySubsequences: false)
            for (index, line) in lines.enumerated() {
                let trimmed = line.trimmingCharacters(in: CharacterSet.whitespaces).lowercased()

                guard trimmed == "```python" || trimmed == "```py" || trimmed == "```python3" else { continue }
                if let end = lines[(index + 1)...].firstIndex(where: { $0.contains("```") }) {
                    return lines[(index + 1)..<end].joined(separator: "\n")
                }
            }
            return CodeExtractor.lastFence.extract(output)
        }
    }
}

