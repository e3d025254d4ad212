import Dispatch

/// Splits `0..<count` into one contiguous range per worker and runs `body` on each in parallel.
///
/// Matrix-vector products are memory-bound, so one range per core keeps each core streaming
/// its own rows; small jobs run on the calling thread.
struct ParallelRows: Sendable {
    /// Number of ranges (and threads) a large job is split into.
    let workers: Int
    /// Jobs with fewer items than this run on the calling thread.
    let minimumParallelCount: Int

    init(workers: Int, minimumParallelCount: Int = 64) {
        self.workers = max(1, workers)
        self.minimumParallelCount = minimumParallelCount
    }

    func run(_ count: Int, _ body: (Range<Int>) -> Void) {
        if workers == 1 || count < minimumParallelCount {
            body(0..<count)
            return
        }
        let workers = self.workers
        withoutActuallyEscaping(body) { body in
            let shared = UncheckedSendable(body)
            DispatchQueue.concurrentPerform(iterations: workers) { worker in
                let start = count * worker / workers
                let end = count * (worker + 1) / workers
                shared.value(start..<end)
            }
        }
    }
}

/// Carries a value across a concurrency boundary the caller has proven safe (disjoint writes).
struct UncheckedSendable<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}
