/// PEFT's merge rules on task tensors (`peft.utils.merge_utils`): each task tensor is one
/// adapter's flat tensor (a lora_A, a lora_B or a ΔW, all of one shape), combined element by
/// element into one tensor.
enum TaskTensorMerge {

    /// Σ wᵢ·tᵢ.
    static func weightedSum(_ tensors: [[Float]], weights: [Float]) -> [Float] {
        var result = [Float](repeating: 0, count: tensors[0].count)
        for (tensor, weight) in zip(tensors, weights) {
            for index in result.indices { result[index] += tensor[index] * weight }
        }
        return result
    }

    /// The tensor with all but its `Int(density · count)` largest-magnitude elements set to
    /// zero (ties at the threshold kept in index order); unchanged when density ≥ 1.
    static func magnitudePruned(_ tensor: [Float], density: Double) -> [Float] {
        guard density < 1 else { return tensor }
        let keep = Int(density * Double(tensor.count))
        guard keep > 0 else { return [Float](repeating: 0, count: tensor.count) }
        var magnitudes = tensor.map(abs)
        let threshold = kthLargest(&magnitudes, k: keep)
        var strictlyAbove = tensor.reduce(0) { $0 + (abs($1) > threshold ? 1 : 0) }
        var result = [Float](repeating: 0, count: tensor.count)
        for index in tensor.indices {
            let magnitude = abs(tensor[index])
            if magnitude > threshold {
                result[index] = tensor[index]
            } else if magnitude == threshold && strictlyAbove < keep {
                result[index] = tensor[index]
                strictlyAbove += 1
            }
        }
        return result
    }

    /// DARE's random drop: each element kept with probability `density` and divided by it.
    static func randomlyPruned(_ tensor: [Float], density: Double, random: inout MaskRandom) -> [Float] {
        guard density < 1 else { return tensor }
        let rescale = Float(1 / density)
        return tensor.map { random.bernoulli(density) ? $0 * rescale : 0 }
    }

    /// TIES's disjoint merge: per element, the sign elected from the unweighted `tensors`, then
    /// the mean over the adapters that agree with it of their weighted values (0 if none do).
    static func disjointMerge(_ tensors: [[Float]], weights: [Float], majority: MajoritySignMethod) -> [Float] {
        var result = [Float](repeating: 0, count: tensors[0].count)
        for index in result.indices {
            var vote: Float = 0
            for tensor in tensors {
                let value = tensor[index]
                switch majority {
                case .total: vote += value
                case .frequency: vote += value > 0 ? 1 : (value < 0 ? -1 : 0)
                }
            }
            let elected: Float = vote >= 0 ? 1 : -1
            var sum: Float = 0
            var agreeing: Float = 0
            for (tensor, weight) in zip(tensors, weights) {
                let value = tensor[index]
                let sign: Float = value > 0 ? 1 : (value < 0 ? -1 : 0)
                if sign == elected {
                    sum += value * weight
                    agreeing += 1
                }
            }
            result[index] = sum / max(agreeing, 1)
        }
        return result
    }

    /// The k-th largest value (k ≥ 1) by quickselect; reorders `values`.
    static func kthLargest(_ values: inout [Float], k: Int) -> Float {
        precondition(k >= 1 && k <= values.count)
        let target = k - 1  // index in descending order
        var low = 0, high = values.count - 1
        while low < high {
            let middle = low + (high - low) / 2
            let pivot = max(min(values[low], values[middle]), min(max(values[low], values[middle]), values[high]))
            var i = low, j = high
            while i <= j {
                while values[i] > pivot { i += 1 }
                while values[j] < pivot { j -= 1 }
                if i <= j {
                    values.swapAt(i, j)
                    i += 1
                    j -= 1
                }
            }
            if target <= j {
                high = j
            } else if target >= i {
                low = i
            } else {
                return values[target]
            }
        }
        return values[target]
    }
}
