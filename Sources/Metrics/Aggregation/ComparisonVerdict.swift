/// A sentence that states which system is better on a metric and whether that is significant.
///
/// "LoRA is better on F1: +0.0150, CI [−0.0200, +0.0500], not significant".
public enum ComparisonVerdict {
    /// The verdict for `difference` (B minus A) on `metric`, naming the systems.
    public static func sentence(metric: String, baseline: String, candidate: String,
                                difference: MeanDifference, decimals: Int = 4) -> String {
        let level = Int((difference.confidence * 100).rounded())
        let interval = "\(level)% CI [\(signed(difference.lower, decimals)), \(signed(difference.upper, decimals))]"
        let change = signed(difference.difference, decimals)
        let significance = difference.isSignificant ? "significant" : "not significant"
        if difference.difference == 0 {
            return "\(candidate) and \(baseline) tie on \(metric): \(change), \(interval), \(significance)"
        }
        let better = difference.difference > 0 ? candidate : baseline
        return "\(better) is better on \(metric): \(change), \(interval), \(significance)"
    }

    /// A number with an explicit sign (a true minus sign for negatives) and fixed decimals.
    public static func signed(_ value: Double, _ decimals: Int) -> String {
        let magnitude = fixed(abs(value), decimals)
        if value > 0 { return "+" + magnitude }
        if value < 0 && magnitude.contains(where: { $0 != "0" && $0 != "." }) { return "\u{2212}" + magnitude }
        return "+" + magnitude
    }

    /// `value` rounded half-to-even to `decimals` places, without Foundation.
    public static func fixed(_ value: Double, _ decimals: Int) -> String {
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        let scaled = (value * scale).rounded(.toNearestOrEven)
        let integer = Int(scaled)
        let whole = integer / Int(scale)
        let fraction = String(integer % Int(scale))
        guard decimals > 0 else { return String(whole) }
        return "\(whole)." + String(repeating: "0", count: decimals - fraction.count) + fraction
    }
}
