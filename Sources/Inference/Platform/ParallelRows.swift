import Synchronization

/// Runs the rows `0..<count` of a job on the threads of a `WorkerPool`: matrix products take
/// contiguous chunks from a shared cursor until none are left, so a thread slowed by the
/// machine's other work takes fewer chunks instead of keeping the rest waiting; per-worker
/// jobs (`runIndexed`) get one range each. Small jobs run on the calling thread.
final class ParallelRows: @unchecked Sendable {
    /// Jobs with fewer items than this run on the calling thread.
    let minimumParallelCount: Int
    private let pool: WorkerPool
    /// The first row no thread has taken yet in the current `run`.
    private let cursor = Atomic<Int>(0)
    /// Chunks per worker in a `run`: enough to even out a slow thread, few enough that taking
    /// one costs nothing next to a chunk's rows.
    private static let chunksPerWorker = 8

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

    /// Runs `body` on chunks covering `0..<count` exactly once, in parallel when there are at
    /// least `minimumParallelCount` items; chunk bounds are multiples of `granularity` (the C
    /// kernels take weight rows 16 at a time) except at the end.
    func run(_ count: Int, granularity: Int = 16, _ body: (Range<Int>) -> Void) {
        let workers = pool.threadCount
        if workers == 1 || count < minimumParallelCount {
            body(0..<count)
            return
        }
        let perChunk = count / (workers * Self.chunksPerWorker)
        let chunk = max(granularity, (perChunk + granularity - 1) / granularity * granularity)
        cursor.store(0, ordering: .relaxed)
        pool.run { _ in
            while true {
                let start = cursor.wrappingAdd(chunk, ordering: .relaxed).oldValue
                if start >= count { return }
                body(start..<min(count, start + chunk))
            }
        }
    }
}

/// Carries a value across a concurrency boundary the caller has proven safe (disjoint writes).
struct UncheckedSendable<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}
