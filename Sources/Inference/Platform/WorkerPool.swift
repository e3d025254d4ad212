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

    private let epoch = Atomic<Int>(0)
    private let finished = Atomic<Int>(0)
    private let shuttingDown = Atomic<Bool>(false)
    private var job: UncheckedSendable<(Int) -> Void>?
    private let workers: [Worker]

    private final class Worker: @unchecked Sendable {
        let sleeping = Atomic<Bool>(false)
        let wake = DispatchSemaphore(value: 0)
    }

    /// Spins before a worker goes to sleep; about 100 µs.
    private static let spinsBeforeSleep = 20_000

    init(threadCount: Int) {
        self.threadCount = max(1, threadCount)
        workers = (1..<self.threadCount).map { _ in Worker() }
        for (offset, worker) in workers.enumerated() {
            let index = offset + 1
            let thread = Thread { [unowned self] in self.workerLoop(index: index, worker: worker) }
            thread.start()
        }
    }

    deinit {
        shuttingDown.store(true, ordering: .releasing)
        epoch.add(1, ordering: .releasing)
        for worker in workers { worker.wake.signal() }
    }

    /// Runs `body(index)` for every index in `0..<threadCount`, index 0 on the caller, and
    /// returns when all have finished.
    func run(_ body: (Int) -> Void) {
        if threadCount == 1 {
            body(0)
            return
        }
        withoutActuallyEscaping(body) { body in
            job = UncheckedSendable(body)
            finished.store(0, ordering: .relaxed)
            epoch.add(1, ordering: .releasing)
            for worker in workers where worker.sleeping.compareExchange(expected: true, desired: false, ordering: .acquiringAndReleasing).exchanged {
                worker.wake.signal()
            }
            body(0)
            while finished.load(ordering: .acquiring) < workers.count {}
            job = nil
        }
    }

    private func workerLoop(index: Int, worker: Worker) {
        var seen = epoch.load(ordering: .acquiring)
        while true {
            var spins = 0
            while epoch.load(ordering: .acquiring) == seen {
                spins += 1
                if spins < Self.spinsBeforeSleep { continue }
                // Announce sleep, then look again: a job published in between either sees
                // the flag (and signals) or is seen here.
                worker.sleeping.store(true, ordering: .sequentiallyConsistent)
                if epoch.load(ordering: .sequentiallyConsistent) != seen {
                    if !worker.sleeping.compareExchange(expected: true, desired: false, ordering: .acquiringAndReleasing).exchanged {
                        worker.wake.wait()  // the publisher took the flag: consume its signal
                    }
                } else {
                    worker.wake.wait()
                }
                spins = 0
            }
            seen = epoch.load(ordering: .acquiring)
            if shuttingDown.load(ordering: .acquiring) { return }
            job?.value(index)
            finished.add(1, ordering: .releasing)
        }
    }
}
