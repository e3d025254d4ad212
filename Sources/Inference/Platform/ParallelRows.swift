/// Splits `0..<count` into one contiguous range per thread of a `WorkerPool` and runs `body`
/// on each in parallel.
///
/// Matrix-vector products are memory-bound, so one range per core keeps each core streaming
/// its own rows; small jobs run on the calling thread.
final class ParallelRows: @unchecked Sendable {
    /// Jobs with fewer items than this run on the calling thread.
    let minimumParallelCount: Int
    private let pool: WorkerPool

    init(workers: Int, minimumParallelCount: Int = 64) {
        self.minimumParallelCount = minimumParallelCount
        pool = WorkerPool(threadCount: workers)
    }

    /// Number of ranges (and threads) a large job is split into.
    var workers: Int { pool.threadCount }

    /// Runs `body(worker, range)` on one contiguous range of `0..<count` per worker, in
    /// parallel whenever there are at least two items; `worker` indexes per-worker scratch.
    func runIndexed(_ count: Int, _ body: (_ worker: Int, Range<Int>) -> Void) {
        let workers = pool.threadCount
        if workers == 1 || count < 2 {
            body(0, 0..<count)
            return
        }
        pool.run { worker in
            body(worker, (count * worker / workers)..<(count * (worker + 1) / workers))
        }
    }

    func run(_ count: Int, _ body: (Range<Int>) -> Void) {
        let workers = pool.threadCount
        if workers == 1 || count < minimumParallelCount {
            body(0..<count)
            return
        }
        pool.run { worker in
            body((count * worker / workers)..<(count * (worker + 1) / workers))
        }
    }
}

/// Carries a value across a concurrency boundary the caller has proven safe (disjoint writes).
struct UncheckedSendable<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}
