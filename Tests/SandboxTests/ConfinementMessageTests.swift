import CSandbox
import Foundation
@testable import Sandbox
import Testing

/// What `csb_confinement_decode` read back from a message, copied out of the message's memory.
struct DecodedConfinement {
    var error: Int32
    var descriptors: [Int32] = []  // stdin, stdout, stderr, cgroup procs, Landlock ruleset
    var rlimits: [[UInt64]] = []  // [resource, soft, hard]
    var workingDirectory: String?
    var dropCapabilities: Int32 = 0
    var program: [UInt64] = []
    var selfPidPlaceholder: UInt32 = 0

    init(_ message: [UInt8], descriptors fds: [Int32]) {
        var message = message
        var storage = [csb_rlimit](repeating: csb_rlimit(), count: 32)
        var decoded = csb_confinement()
        var workingDirectory: String?
        var program: [UInt64] = []
        let error = message.withUnsafeMutableBytes { bytes in
            fds.withUnsafeBufferPointer { fds in
                storage.withUnsafeMutableBufferPointer { storage in
                    let error = csb_confinement_decode(bytes.baseAddress!, bytes.count, fds.baseAddress!, Int32(fds.count),
                                                       storage.baseAddress!, Int32(storage.count), &decoded)
                    if error == 0 {  // the pointers lead into `bytes`: copy while it lives
                        workingDirectory = decoded.working_directory.map { String(cString: $0) }
                        if let start = decoded.seccomp_program {
                            let instructions = start.assumingMemoryBound(to: UInt64.self)
                            program = Array(UnsafeBufferPointer(start: instructions, count: decoded.seccomp_instruction_count))
                        }
                    }
                    return error
                }
            }
        }
        self.error = error
        guard error == 0 else { return }
        self.workingDirectory = workingDirectory
        self.program = program
        descriptors = [decoded.stdin_fd, decoded.stdout_fd, decoded.stderr_fd, decoded.cgroup_procs_fd,
                       decoded.landlock_ruleset_fd]
        rlimits = storage.prefix(Int(decoded.rlimit_count)).map { [UInt64($0.resource), $0.soft, $0.hard] }
        dropCapabilities = decoded.drop_capabilities
        selfPidPlaceholder = decoded.seccomp_self_pid_placeholder
    }
}

@Suite("A fork server's child decodes the confinement the supervisor encoded, and refuses a damaged one")
struct ConfinementMessageTests {
    static let rlimits = [csb_rlimit(resource: 0, soft: 6, hard: 7), csb_rlimit(resource: 3, soft: 1 << 26, hard: .max)]

    static func launch(filter: SyscallFilter?) -> ForkServerLaunch {
        ForkServerLaunch(arguments: ["main.py"], environment: [:], workDirectory: "/tmp/proctor-sandbox-x/run-7",
                         stdinFD: -1, stdoutFD: -1, stderrFD: -1, cgroupProcsFD: -1, rulesetFD: -1, rlimits: rlimits,
                         dropCapabilities: true, filter: filter)
    }

    @Test("every field survives the round trip, and descriptor indices become the descriptors received")
    func roundTrip() throws {
        let filter = try SyscallFilter.build(notifySupervisor: true, allowExec: false)
        let message = try ForkServerProcess.encodeConfinement(Self.launch(filter: filter), cgroupIndex: 4, rulesetIndex: 3)
        let decoded = DecodedConfinement(message, descriptors: [20, 21, 22, 23, 24])
        #expect(decoded.error == 0)
        #expect(decoded.descriptors == [20, 21, 22, 24, 23])
        #expect(decoded.rlimits == [[0, 6, 7], [3, 1 << 26, .max]])
        #expect(decoded.workingDirectory == "/tmp/proctor-sandbox-x/run-7")
        #expect(decoded.dropCapabilities == 1)
        #expect(decoded.program == filter.instructions)
        #expect(decoded.selfPidPlaceholder == SyscallFilter.selfPidPlaceholder)
    }

    @Test("without a filter, cgroup or ruleset the message says so")
    func absentParts() throws {
        let message = try ForkServerProcess.encodeConfinement(Self.launch(filter: nil), cgroupIndex: -1, rulesetIndex: -1)
        let decoded = DecodedConfinement(message, descriptors: [20, 21, 22])
        #expect(decoded.error == 0)
        #expect(decoded.descriptors == [20, 21, 22, -1, -1])
        #expect(decoded.program.isEmpty)
    }

    @Test("a truncated message, a wrong magic number or an index past the descriptors received is refused before anything is applied")
    func damagedMessages() throws {
        let message = try ForkServerProcess.encodeConfinement(Self.launch(filter: nil), cgroupIndex: 3, rulesetIndex: -1)
        #expect(DecodedConfinement(Array(message.dropLast(8)), descriptors: [20, 21, 22, 23]).error == EPROTO)
        var wrongMagic = message
        wrongMagic[0] ^= 0xFF
        #expect(DecodedConfinement(wrongMagic, descriptors: [20, 21, 22, 23]).error == EPROTO)
        #expect(DecodedConfinement(message, descriptors: [20, 21, 22]).error == EBADF)

        // The entry point the fork server calls reports the same as a stage, and confines nothing.
        var truncated = Array(message.dropLast(8))
        var error: Int32 = 0
        let fds: [Int32] = [20, 21, 22, 23]
        let stage = truncated.withUnsafeMutableBytes { bytes in
            csb_confine_self_from_message(bytes.baseAddress!, bytes.count, fds, Int32(fds.count), -1, &error)
        }
        #expect(stage == Int32(CSB_STAGE_MESSAGE.rawValue))
        #expect(error == EPROTO)
    }
}
