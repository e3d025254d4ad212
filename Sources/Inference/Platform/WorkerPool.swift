import Dispatch
import Foundation
import Synchronization

/// A fixed set of threads that run one job at a time with the calling thread, woken by
/// spinning on an atomic counter rather than by a queue.
///
/// A token's forward pass runs about two hundred short parallel products; handing each to
/// Dispatch costs tens of microseconds, as much as the product. Workers spin briefly between
/// jobs and sleep on a semaphore once idle, so an idle pool costs no CPU.
final class WorkerPool: @unchecked Sendable {
    /// Threads taking part in a job, the caller included.
    let threadCount: Int
    private let shared: Shared

    /// What the caller and the worker threads share; the threads keep it alive until they exit.
    private final class Shared: @unchecked Sendable {
        /// Incremented once per job (and once to shut down).
        let epoch = Atomic<Int>(0)
        /// Workers done with the current job.
        let finished = Atomic<Int>(0)
        let shuttingDown = Atomic<Bool>(false)
        /// Written before `epoch` is incremented, read after it is seen to change.
        var job: UncheckedSendable<(Int) -> Void>?
        let sleepers: [Sleeper]

        init(workerCount: Int) {
            sleepers = (0..<workerCount).map { _ in Sleeper() }
        }
    }

    /// One worker's sleep flag and the semaphore it sleeps on.
    private final class Sleeper: Sendable {
        let sleeping = Atomic<Bool>(false)
        let wake = DispatchSemaphore(value: 0)
    }

    /// Spins before a worker goes to sleep, about a millisecond: longer than the serial work
    /// (attention, norms) between two products of one token, so a decode step never sleeps.
    private static let spinsBeforeSleep = 1_000_000

    init(threadCount: Int) {
        self.threadCount = max(1, threadCount)
        let shared = Shared(workerCount: self.threadCount - 1)
        self.shared = shared
        for worker in 0..<(self.threadCount - 1) {
            Thread { Self.workerLoop(shared, worker: worker) }.start()
        }
    }

    deinit {
        shared.shuttingDown.store(true, ordering: .sequentiallyConsistent)
        shared.epoch.add(1, ordering: .sequentiallyConsistent)
        for sleeper in shared.sleepers { sleeper.wake.signal() }
    }

    /// Runs `body(index)` for every index in `0..<threadCount`, index 0 on the caller, and
    /// returns when all have finished.
    func run(_ body: (Int) -> Void) {
        if threadCount == 1 {
            body(0)
            return
        }
        let shared = self.shared
        withoutActuallyEscaping(body) { body in
            shared.job = UncheckedSendable(body)
            shared.finished.store(0, ordering: .sequentiallyConsistent)
            shared.epoch.add(1, ordering: .sequentiallyConsistent)
            for sleeper in shared.sleepers
            where sleeper.sleeping.compareExchange(expected: true, desired: false, ordering: .sequentiallyConsistent).exchanged {
                sleeper.wake.signal()
            }
            body(0)
            while shared.finished.load(ordering: .acquiring) < threadCount - 1 {}
            shared.job = nil
        }
    }

    private static func workerLoop(_ shared: Shared, worker: Int) {
        // Starts from the initial epoch, so a job published before this thread ran is not missed.
        var seen = 0
        let sleeper = shared.sleepers[worker]
        while true {
            var spins = 0
            while shared.epoch.load(ordering: .acquiring) == seen {
                spins += 1
                if spins < spinsBeforeSleep { continue }
                // Announce sleep, then look again: a job published in between either sees
                // the flag (and signals) or is seen here.
                sleeper.sleeping.store(true, ordering: .sequentiallyConsistent)
                if shared.epoch.load(ordering: .sequentiallyConsistent) != seen {
                    let tookFlagBack = sleeper.sleeping
                        .compareExchange(expected: true, desired: false, ordering: .sequentiallyConsistent).exchanged
                    if !tookFlagBack { sleeper.wake.wait() }  // the publisher signalled: consume it
                } else {
                    sleeper.wake.wait()
                }
                spins = 0
            }
            seen += 1
            if shared.shuttingDown.load(ordering: .acquiring) { return }
            shared.job?.value(worker + 1)
            shared.finished.add(1, ordering: .releasing)
        }
    }
}
