// The fork/exec shim of Proctor's sandbox.
//
// Everything here is mechanism: the Swift `Sandbox` target decides the policy (which
// limits, which paths, which syscalls) and passes it in ready-made form. Between clone
// and execve the child makes raw syscalls only, and reports a failure through a
// close-on-exec pipe as a (stage, errno) pair. Functions return 0 or a positive errno.
#ifndef CSANDBOX_H
#define CSANDBOX_H

#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#pragma clang assume_nonnull begin

/// One resource limit for the child (`RLIMIT_*`).
typedef struct csb_rlimit {
    int resource;
    uint64_t soft;
    uint64_t hard;
} csb_rlimit;

/// The step in the child that failed, reported through the error pipe.
typedef enum csb_stage {
    CSB_STAGE_NONE = 0,
    CSB_STAGE_PROCESS_GROUP = 1,
    CSB_STAGE_CGROUP = 2,
    CSB_STAGE_STDIO = 3,
    CSB_STAGE_RLIMIT = 4,
    CSB_STAGE_CHDIR = 5,
    CSB_STAGE_CAPABILITIES = 6,
    CSB_STAGE_NO_NEW_PRIVS = 7,
    CSB_STAGE_LANDLOCK = 8,
    CSB_STAGE_SECCOMP = 9,
    CSB_STAGE_SEND_LISTENER = 10,
    CSB_STAGE_EXEC = 11,
    CSB_STAGE_CLONE = 12,
    CSB_STAGE_CLOSE_DESCRIPTORS = 13,
    CSB_STAGE_MESSAGE = 14,
} csb_stage;

/// What a child applies to itself before it runs untrusted code: the one confinement sequence,
/// shared by `csb_spawn`'s child and a fork server's child.
typedef struct csb_confinement {
    int stdin_fd;
    int stdout_fd;
    int stderr_fd;
    /// An open `cgroup.procs` (or `tasks`) file the child joins by writing "0"; -1 for none.
    int cgroup_procs_fd;
    /// A Landlock ruleset built by the parent; -1 for none.
    int landlock_ruleset_fd;
    const csb_rlimit *_Nullable rlimits;
    int rlimit_count;
    const char *_Nullable working_directory;
    /// Drop every capability (bounding, ambient, effective, permitted, inheritable).
    int drop_capabilities;
    /// A classic BPF program (`struct sock_filter[]`), patched in place; NULL for none.
    void *_Nullable seccomp_program;
    /// Number of `struct sock_filter` instructions in `seccomp_program`.
    size_t seccomp_instruction_count;
    /// Instructions whose constant equals this value get the process's own pid instead.
    uint32_t seccomp_self_pid_placeholder;
} csb_confinement;

/// Everything the child needs, prepared by the parent.
typedef struct csb_spawn_request {
    const char *path;
    char *_Nullable const *_Nonnull argv;  // NULL-terminated
    char *_Nullable const *_Nonnull envp;  // NULL-terminated
    /// CLONE_NEW* flags for namespaces to create with the child; 0 for none.
    int namespace_flags;
    /// Ask the kernel for a seccomp user-notification listener and hand it to the parent,
    /// so that syscalls the filter sends to user space are reported with their number.
    int want_seccomp_listener;
    /// What the child applies to itself before exec (the child patches its own copy of the program).
    csb_confinement confinement;
} csb_spawn_request;

/// The outcome of a spawn attempt.
typedef struct csb_spawn_result {
    pid_t pid;          // the child, or -1
    int pidfd;          // a pidfd for the child (readable when it exits), or -1
    int listener_fd;    // the seccomp notification listener, or -1
    int failed_stage;   // a csb_stage, CSB_STAGE_NONE when execve succeeded
    int failed_errno;   // errno of the failed stage
} csb_spawn_result;

/// Confines the calling process, in this order: its own process group, the cgroup, the standard
/// streams, rlimits, the working directory, capabilities, no_new_privs, Landlock, the seccomp filter.
/// With `listener_socket` >= 0 the filter's notification listener is sent through it. Raw syscalls
/// only, so it may run between fork and exec. Returns CSB_STAGE_NONE, or the stage that failed with
/// its errno in `out_errno`.
int csb_confine_self(const csb_confinement *confinement, int listener_socket, int *out_errno);

/// Writes `confinement` as one self-contained message for a fork server's child, whose descriptor
/// fields hold indices into the descriptors sent beside the message (-1 for none). Returns EMSGSIZE
/// when `capacity` is too small; `out_length` then holds the size needed.
int csb_confinement_encode(const csb_confinement *confinement, void *_Nullable buffer, size_t capacity,
                           size_t *out_length);

/// Reads a message of `csb_confinement_encode` (8-byte aligned) into `out`, whose pointers then point
/// into the message and `rlimit_storage`; descriptor indices become entries of `fds`. Returns EPROTO
/// for a malformed message, EBADF for an index outside `fds`, EMSGSIZE when the storage is too small.
int csb_confinement_decode(void *message, size_t length, const int *fds, int fd_count, csb_rlimit *rlimit_storage,
                           int rlimit_capacity, csb_confinement *out);

/// Reads a message of `csb_confinement_encode` (8-byte aligned, patched in place) with the descriptors
/// it names, and confines the calling process as `csb_confine_self` does. A malformed message is
/// CSB_STAGE_MESSAGE. The fork server loads this shim as a shared object to call it.
int csb_confine_self_from_message(void *message, size_t length, const int *fds, int fd_count, int listener_socket,
                                  int *out_errno);

/// Marks every open descriptor numbered `first_fd` or more close-on-exec: one close_range call
/// (Linux 5.11), or on older kernels a walk over /proc/self/fd. Raw syscalls only.
int csb_mark_close_on_exec_from(int first_fd);

/// The fallback of `csb_mark_close_on_exec_from`, on its own so that tests can run it on any kernel.
int csb_mark_close_on_exec_by_listing(int first_fd);

/// Starts the confined child. Returns 0 when a child was created (check `failed_stage`
/// to know whether it reached execve), or an errno when none was.
int csb_spawn(const csb_spawn_request *request, csb_spawn_result *result);

/// The Landlock ABI version of the running kernel, or a negative errno.
int csb_landlock_abi(void);

/// Creates a Landlock ruleset handling the given access bits. `attribute_size` selects
/// which of the three fields the kernel reads (8, 16 or 24 bytes by ABI).
int csb_landlock_create_ruleset(uint64_t handled_fs, uint64_t handled_net, uint64_t scoped,
                                size_t attribute_size, int *out_fd);

/// Allows `access` beneath `path` (a directory) or on it (a file). ENOENT is returned as is,
/// so callers may skip paths that do not exist on this machine.
int csb_landlock_allow_path(int ruleset_fd, const char *path, uint64_t access);

/// Receives one seccomp notification: the syscall number the child attempted.
int csb_seccomp_notification_receive(int listener_fd, uint64_t *out_id, int32_t *out_syscall);

/// Answers a pending notification with a failing errno (the syscall does not run).
int csb_seccomp_notification_deny(int listener_fd, uint64_t id, int error);

/// Reads the CPU time consumed so far by a running process, in nanoseconds.
int csb_process_cpu_time(pid_t pid, uint64_t *out_nanoseconds);

/// Reaps the child: exit status and resource usage (CPU microseconds, peak RSS in KiB).
int csb_wait(pid_t pid, int *out_status, uint64_t *out_user_us, uint64_t *out_system_us,
             uint64_t *out_max_rss_kib);

/// Status decoding for `csb_wait`'s `out_status`.
int csb_status_exited(int status);
int csb_status_exit_code(int status);
int csb_status_signaled(int status);
int csb_status_signal(int status);

/// Creates a close-on-exec pipe.
int csb_pipe(int *read_fd, int *write_fd);

/// Whether this kernel accepts seccomp filters (1) or not (0).
int csb_seccomp_available(void);

/// Creates an anonymous memory file holding `length` bytes, positioned at the start, for stdin.
int csb_memory_file(const void *_Nullable bytes, size_t length, int *out_fd);

// MARK: - Fork server: messages with descriptors, and the numbers its child needs.

/// Sends one message (a SOCK_SEQPACKET datagram) carrying `fd_count` descriptors.
int csb_send_message(int socket_fd, const void *bytes, size_t length, const int *_Nullable fds, int fd_count);

/// Receives one message of at most `capacity` bytes and at most `fd_capacity` descriptors
/// (close-on-exec). EINTR is retried; a closed peer gives EPIPE.
int csb_receive_message(int socket_fd, void *buffer, size_t capacity, size_t *out_length, int *fds,
                        int fd_capacity, int *out_fd_count);

/// Creates a close-on-exec SOCK_SEQPACKET socketpair.
int csb_seqpacket_pair(int *first_fd, int *second_fd);

#pragma clang assume_nonnull end

#endif
