import CSandbox
import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

@Suite("Inherited descriptors close at exec on any kernel")
struct CloseOnExecTests {
    /// Whether `fd` is marked close-on-exec.
    static func closesOnExec(_ fd: Int32) -> Bool {
        fcntl(fd, F_GETFD) & FD_CLOEXEC != 0
    }

    @Test("the /proc/self/fd fallback (kernels before 5.11) marks every descriptor from the first one up, and none below")
    func listingMarksFromTheFirstDescriptorUp() throws {
        let source = open("/dev/null", O_RDONLY)  // without O_CLOEXEC, as an inherited descriptor may be
        try #require(source >= 0)
        defer { close(source) }
        // Four free descriptor numbers near the top of the table, far above any the process is using.
        var limit = rlimit()
        try #require(getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit) == 0)
        let top = Int32(min(limit.rlim_cur, 4096)) - 1
        let free = stride(from: top, to: top - 64, by: -1).filter { fcntl($0, F_GETFD) == -1 }.prefix(4).sorted()
        try #require(free.count == 4)
        let below = free[0]
        let marked = Array(free.dropFirst())
        for fd in [below] + marked {
            try #require(dup2(source, fd) == fd)
            try #require(!Self.closesOnExec(fd))
        }
        defer { for fd in [below] + marked { close(fd) } }

        #expect(csb_mark_close_on_exec_by_listing(marked[0]) == 0)

        for fd in marked {
            #expect(Self.closesOnExec(fd), "descriptor \(fd) stays open across exec")
        }
        #expect(!Self.closesOnExec(below), "descriptor \(below), below the first, was marked too")
    }
}
