/// Floats owned by the model rather than mapped from its file: weights that had to be
/// rearranged at load (GPT-2's transposed Conv1D matrices). Freed when the last reference goes.
final class FloatStorage: @unchecked Sendable {
    let pointer: UnsafeMutablePointer<Float>
    let count: Int

    /// `count` zeroed floats.
    init(count: Int) {
        self.count = count
        pointer = .allocate(capacity: max(count, 1))
        pointer.initialize(repeating: 0, count: max(count, 1))
    }

    deinit { pointer.deallocate() }
}
