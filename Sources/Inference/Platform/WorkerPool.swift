import Dispatch
import Foundation
import Synchronization

/// A fixed set of threads that run one job at a time with the calling thread, woken by
/// spinning on an atomic counter rather than by a queue.
///
/// A token's forward pass runs about two hundred short parallel products; handing each to
/// Dispatch costs tens of microseconds, as much as the product. Workers spin briefly between
/// jobs and sleep on a semaphore once idle, so an idle pool costs no CPU.
///
/// A job is `threadCount` parts, claimed by whichever thread comes first: the caller claims
/// parts until none is left and then waits only for the parts other threads have started.
/// A worker the machine's other work keeps off the CPU therefore delays nothing: its part
/// runs on the caller instead of the caller spinning until the worker is scheduled again
/// (with another job on both cores, that wait cost a whole scheduler time slice per product).
final class WorkerPool: @unchecked Sendable {
    /// Threads that may take part in a job, the caller included; also the job's part count.
    let threadCount: Int
    private let shared: Shared

    /// What the caller and the worker threads share; the threads keep it alive until they exit.
    private final class Shared: @unchecked Sendable {
        /// The current job's number and its next unclaimed part, packed as
        /// `job << partBits | part`, so a claim is one compare-and-swap that fails once the
        /// job it was meant for is over.
        let claims = Atomic<Int>(0)
        /// Parts of the current job finished.
        let finished = Atomic<Int>(0)
        let shuttingDown = Atomic<Bool>(false)
        /// Written before `claims` moves to a new job, read after the move is seen.
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

    private static let partBits = 16

    /// Spins before a worker goes to sleep, about a millisecond: longer than the serial work
    /// (attention, norms) between two products of one token, so a decode step never sleeps.
    private static let spinsBeforeSleep = 1_000_000

    init(threadCount: Int) {
        self.threadCount = max(1, min(threadCount, 1 << Self.partBits - 1))
        let shared = Shared(workerCount: self.threadCount - 1)
        self.shared = shared
        let parts = self.threadCount
        for worker in 0..<(parts - 1) {
            Thread { Self.workerLoop(shared, worker: worker, parts: parts) }.start()
        }
    }

    deinit {
        shared.shuttingDown.store(true, ordering: .sequentiallyConsistent)
        let next = (shared.claims.load(ordering: .sequentiallyConsistent) >> Self.partBits + 1) << Self.partBits
        shared.claims.store(next, ordering: .sequentiallyConsistent)
        for sleeper in shared.sleepers { sleeper.wake.signal() }
    }

    /// Runs `body(part)` for every part in `0..<threadCount`, each exactly once, on the caller
    /// and whichever workers claim parts first, and returns when all have finished.
    func run(_ body: (Int) -> Void) {
        if threadCount == 1 {
            body(0)
            return
        }
        let shared = self.shared
        withoutActuallyEscaping(body) { body in
            shared.job = UncheckedSendable(body)
            shared.finished.store(0, ordering: .sequentiallyConsistent)
            let job = (shared.claims.load(ordering: .relaxed) >> Self.partBits) + 1
            shared.claims.store(job << Self.partBits, ordering: .sequentiallyConsistent)
            for sleeper in shared.sleepers
            where sleeper.sleeping.compareExchange(expected: true, desired: false, ordering: .sequentiallyConsistent).exchanged {
                sleeper.wake.signal()
            }
            while let part = Self.claim(shared, job: job, parts: threadCount) {
                body(part)
                shared.finished.add(1, ordering: .releasing)
            }
            // Every part is claimed; wait for those other threads are running.
            var spins = 0
            while shared.finished.load(ordering: .acquiring) < threadCount {
                spins += 1
                if spins % 4096 == 0 { sched_yield() }
            }
            shared.job = nil
        }
    }

    /// The next unclaimed part of job `job`, or nil when all are claimed or the job is over.
    private static func claim(_ shared: Shared, job: Int, parts: Int) -> Int? {
        var current = shared.claims.load(ordering: .acquiring)
        while current >> partBits == job, current & (1 << partBits - 1) < parts {
            let (exchanged, original) = shared.claims.compareExchange(
                expected: current, desired: current + 1, ordering: .acquiringAndReleasing)
            if exchanged { return current & (1 << partBits - 1) }
            current = original
        }
        return nil
    }

    private static func workerLoop(_ shared: Shared, worker: Int, parts: Int) {
        // Starts from the initial job number, so a job published before this thread ran is not missed.
        var seen = 0
        let sleeper = shared.sleepers[worker]
        while true {
            var spins = 0
            while shared.claims.load(ordering: .acquiring) >> partBits == seen {
                spins += 1
                // Give the core away now and then: on a busy machine a spinning worker would
                // otherwise take the time slices the caller needs to reach the next product.
                if spins % 16384 == 0 { sched_yield() }
                if spins < spinsBeforeSleep { continue }
                // Announce sleep, then look again: a job published in between either sees
                // the flag (and signals) or is seen here.
                sleeper.sleeping.store(true, ordering: .sequentiallyConsistent)
                if shared.claims.load(ordering: .sequentiallyConsistent) >> partBits != seen {
                    let tookFlagBack = sleeper.sleeping
                        .compareExchange(expected: true, desired: false, ordering: .sequentiallyConsistent).exchanged
                    if !tookFlagBack { sleeper.wake.wait() }  // the publisher signalled: consume it
                } else {
                    sleeper.wake.wait()
                }
                spins = 0
            }
            if shared.shuttingDown.load(ordering: .acquiring) { return }
            let job = shared.claims.load(ordering: .acquiring) >> partBits
            seen = job
            while let part = claim(shared, job: job, parts: parts) {
                // Read after the claim: a claimed part keeps its job from ending, so this is
                // its job, and no reference to it outlives the part.
                shared.job?.value(part)
                shared.finished.add(1, ordering: .releasing)
            }
        }
    }
}
