import Foundation
import Sandbox
import Testing
import TestSupport

@Suite("The seccomp filter")
struct SyscallFilterTests {
    @Test("sandbox/allowed-syscalls.txt lists exactly the syscalls the filter allows")
    func documentedAllowList() throws {
        let text = try String(contentsOfFile: RepositoryPaths.path("sandbox/allowed-syscalls.txt"), encoding: .utf8)
        let documented = text.split(separator: "\n").filter { !$0.hasPrefix("#") }.map(String.init)
        #expect(documented == SyscallFilter.allowedSyscalls)
    }

    @Test("builds to a BPF program and names syscalls by number")
    func buildsAndNames() throws {
        let filter = try SyscallFilter.build(notifySupervisor: true)
        #expect(filter.instructions.count > 50)
        #expect(SyscallFilter.name(ofSyscall: 57) == "fork")
        #expect(SyscallFilter.name(ofSyscall: 101) == "ptrace")
    }
}
