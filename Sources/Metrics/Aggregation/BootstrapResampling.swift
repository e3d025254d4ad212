import SeededRandom

/// The one bootstrap loop behind every interval and test here: `resamples` draws of
/// `itemCount` item indices with replacement from SplitMix64 seeded with `seed`, so the same
/// seed gives the same resamples on every platform.
enum BootstrapResampling {
    /// `statistic` of each resample, in draw order; it gets the drawn indices.
    static func statistics<T>(itemCount: Int, resamples: Int, seed: UInt64, _ statistic: ([Int]) -> T) -> [T] {
        var generator = SplitMix64(seed: seed)
        var results: [T] = []
        results.reserveCapacity(resamples)
        var indices = Array(repeating: 0, count: itemCount)
        for _ in 0..<resamples {
            for position in 0..<itemCount { indices[position] = generator.nextIndex(below: itemCount) }
            results.append(statistic(indices))
        }
        return results
    }

    /// The mean of each resample of `values`, in draw order (summed in draw order).
    static func means(of values: [Double], resamples: Int, seed: UInt64) -> [Double] {
        statistics(itemCount: values.count, resamples: resamples, seed: seed) { indices in
            var sum = 0.0
            for index in indices { sum += values[index] }
            return sum / Double(values.count)
        }
    }
}
