// The fork/exec shim of Proctor's sandbox. See include/csandbox.h.
#define _GNU_SOURCE
#include "csandbox.h"

#include <errno.h>
#include <fcntl.h>
#include <linux/capability.h>
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <sched.h>
#include <signal.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#ifndef SYS_landlock_create_ruleset
#define SYS_landlock_create_ruleset 444
#define SYS_landlock_add_rule 445
#define SYS_landlock_restrict_self 446
#endif
#ifndef SYS_close_range
#define SYS_close_range 436
#endif
#ifndef CLOSE_RANGE_CLOEXEC
#define CLOSE_RANGE_CLOEXEC (1U << 2)
#endif
#ifndef CLONE_PIDFD
#define CLONE_PIDFD 0x00001000
#endif
#define CSB_LANDLOCK_CREATE_RULESET_VERSION (1U << 0)
#define CSB_LANDLOCK_RULE_PATH_BENEATH 1
// Landlock rights that apply to a regular file (the rest need a directory).
#define CSB_LANDLOCK_FILE_RIGHTS ((1ULL << 0) | (1ULL << 1) | (1ULL << 2) | (1ULL << 14) | (1ULL << 15))
// securebits: NOROOT, NO_SETUID_FIXUP, NO_CAP_AMBIENT_RAISE and the locks of all four (KEEP_CAPS stays off).
#define CSB_SECUREBITS_LOCKED_DOWN 0xEFu

struct csb_landlock_path_beneath {
    uint64_t allowed_access;
    int32_t parent_fd;
} __attribute__((packed));

// MARK: - Confinement: what a child applies to itself, with raw syscalls only.

static int failed(int *out_errno, int stage, int error) {
    *out_errno = error;
    return stage;
}

static int drop_capabilities(void) {
    if (syscall(SYS_prctl, PR_SET_SECUREBITS, CSB_SECUREBITS_LOCKED_DOWN, 0, 0, 0) != 0 && errno != EPERM) return errno;
    for (int cap = 0; cap <= 63; cap++) {
        if (syscall(SYS_prctl, PR_CAPBSET_DROP, cap, 0, 0, 0) != 0) {
            if (errno == EINVAL) break;  // past the kernel's last capability
            if (errno != EPERM) return errno;
        }
    }
    syscall(SYS_prctl, PR_CAP_AMBIENT, PR_CAP_AMBIENT_CLEAR_ALL, 0, 0, 0);
    struct __user_cap_header_struct header = {_LINUX_CAPABILITY_VERSION_3, 0};
    struct __user_cap_data_struct data[2];
    memset(data, 0, sizeof data);
    if (syscall(SYS_capset, &header, data) != 0) return errno;
    return 0;
}

static int send_fd(int socket_fd, int fd) {
    char byte = 0;
    struct iovec io = {.iov_base = &byte, .iov_len = 1};
    union {
        char buffer[CMSG_SPACE(sizeof(int))];
        struct cmsghdr align;
    } control;
    memset(&control, 0, sizeof control);
    struct msghdr message = {.msg_iov = &io, .msg_iovlen = 1,
                             .msg_control = control.buffer, .msg_controllen = sizeof control.buffer};
    struct cmsghdr *header = CMSG_FIRSTHDR(&message);
    header->cmsg_level = SOL_SOCKET;
    header->cmsg_type = SCM_RIGHTS;
    header->cmsg_len = CMSG_LEN(sizeof(int));
    memcpy(CMSG_DATA(header), &fd, sizeof(int));
    return syscall(SYS_sendmsg, socket_fd, &message, 0) == 1 ? 0 : errno;
}

int csb_confine_self(const csb_confinement *confinement, int listener_socket, int *out_errno) {
    *out_errno = 0;
    if (syscall(SYS_setpgid, 0, 0) != 0) return failed(out_errno, CSB_STAGE_PROCESS_GROUP, errno);
    if (confinement->cgroup_procs_fd >= 0 && syscall(SYS_write, confinement->cgroup_procs_fd, "0", 1) != 1)
        return failed(out_errno, CSB_STAGE_CGROUP, errno);
    if (syscall(SYS_dup2, confinement->stdin_fd, 0) < 0 || syscall(SYS_dup2, confinement->stdout_fd, 1) < 0 ||
        syscall(SYS_dup2, confinement->stderr_fd, 2) < 0)
        return failed(out_errno, CSB_STAGE_STDIO, errno);
    for (int i = 0; i < confinement->rlimit_count; i++) {
        struct rlimit limit = {confinement->rlimits[i].soft, confinement->rlimits[i].hard};
        if (syscall(SYS_prlimit64, 0, confinement->rlimits[i].resource, &limit, NULL) != 0)
            return failed(out_errno, CSB_STAGE_RLIMIT, errno);
    }
    if (confinement->working_directory && syscall(SYS_chdir, confinement->working_directory) != 0)
        return failed(out_errno, CSB_STAGE_CHDIR, errno);
    if (confinement->drop_capabilities) {
        int error = drop_capabilities();
        if (error) return failed(out_errno, CSB_STAGE_CAPABILITIES, error);
    }
    if (syscall(SYS_prctl, PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0) return failed(out_errno, CSB_STAGE_NO_NEW_PRIVS, errno);
    if (confinement->landlock_ruleset_fd >= 0 &&
        syscall(SYS_landlock_restrict_self, confinement->landlock_ruleset_fd, 0) != 0)
        return failed(out_errno, CSB_STAGE_LANDLOCK, errno);

    if (confinement->seccomp_program) {
        // The program is this process's private copy (fork semantics): patch in our own pid.
        struct sock_filter *program = confinement->seccomp_program;
        uint32_t self = (uint32_t)syscall(SYS_getpid);
        for (size_t i = 0; i < confinement->seccomp_instruction_count; i++) {
            if (program[i].k == confinement->seccomp_self_pid_placeholder) program[i].k = self;
        }
        struct sock_fprog fprog = {.len = (unsigned short)confinement->seccomp_instruction_count, .filter = program};
        unsigned long flags = listener_socket >= 0 ? SECCOMP_FILTER_FLAG_NEW_LISTENER : 0;
        long listener = syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER, flags, &fprog);
        if (listener < 0) return failed(out_errno, CSB_STAGE_SECCOMP, errno);
        if (listener_socket >= 0) {
            int error = send_fd(listener_socket, (int)listener);
            if (error) return failed(out_errno, CSB_STAGE_SEND_LISTENER, error);
            syscall(SYS_close, listener);
        }
    }
    return CSB_STAGE_NONE;
}

// MARK: - Confinement as a message, for a fork server's child.

#define CSB_MESSAGE_MAGIC 0x31425343u  // "CSB1"
#define CSB_MESSAGE_MAX_RLIMITS 32

typedef struct csb_message_header {
    uint32_t magic;
    int32_t stdin_index, stdout_index, stderr_index, cgroup_procs_index, landlock_ruleset_index;
    int32_t drop_capabilities;
    uint32_t seccomp_self_pid_placeholder;
    uint32_t rlimit_count;
    uint32_t working_directory_length;  // bytes, without the NUL that follows them
    uint64_t seccomp_instruction_count;
} csb_message_header;

static size_t aligned8(size_t offset) { return (offset + 7) & ~(size_t)7; }

// Where each part of a message starts: header, rlimits, working directory (NUL-terminated), BPF program.
static size_t message_layout(const csb_message_header *header, size_t *rlimits_at, size_t *directory_at,
                             size_t *program_at) {
    *rlimits_at = aligned8(sizeof *header);
    *directory_at = *rlimits_at + header->rlimit_count * sizeof(csb_rlimit);
    *program_at = aligned8(*directory_at + header->working_directory_length + 1);
    return *program_at + header->seccomp_instruction_count * sizeof(struct sock_filter);
}

int csb_confinement_encode(const csb_confinement *confinement, void *buffer, size_t capacity, size_t *out_length) {
    if (confinement->rlimit_count < 0 || confinement->rlimit_count > CSB_MESSAGE_MAX_RLIMITS) return EINVAL;
    const char *directory = confinement->working_directory ? confinement->working_directory : "";
    csb_message_header header = {
        .magic = CSB_MESSAGE_MAGIC, .stdin_index = confinement->stdin_fd, .stdout_index = confinement->stdout_fd,
        .stderr_index = confinement->stderr_fd, .cgroup_procs_index = confinement->cgroup_procs_fd,
        .landlock_ruleset_index = confinement->landlock_ruleset_fd,
        .drop_capabilities = confinement->drop_capabilities,
        .seccomp_self_pid_placeholder = confinement->seccomp_self_pid_placeholder,
        .rlimit_count = (uint32_t)confinement->rlimit_count, .working_directory_length = (uint32_t)strlen(directory),
        .seccomp_instruction_count = confinement->seccomp_program ? confinement->seccomp_instruction_count : 0,
    };
    size_t rlimits_at, directory_at, program_at;
    *out_length = message_layout(&header, &rlimits_at, &directory_at, &program_at);
    if (*out_length > capacity) return EMSGSIZE;
    char *bytes = buffer;
    memset(bytes, 0, *out_length);
    memcpy(bytes, &header, sizeof header);
    if (header.rlimit_count) memcpy(bytes + rlimits_at, confinement->rlimits, header.rlimit_count * sizeof(csb_rlimit));
    memcpy(bytes + directory_at, directory, header.working_directory_length);
    if (header.seccomp_instruction_count)
        memcpy(bytes + program_at, confinement->seccomp_program,
               header.seccomp_instruction_count * sizeof(struct sock_filter));
    return 0;
}

// A descriptor named by index in a message, or -1 for none; -2 when the index is out of range.
static int message_fd(int32_t index, const int *fds, int fd_count) {
    if (index < 0) return -1;
    return index < fd_count ? fds[index] : -2;
}

int csb_confinement_decode(void *message, size_t length, const int *fds, int fd_count, csb_rlimit *rlimit_storage,
                           int rlimit_capacity, csb_confinement *out) {
    csb_message_header header;
    if (length < sizeof header || (uintptr_t)message % 8 != 0) return EPROTO;
    memcpy(&header, message, sizeof header);
    if (header.magic != CSB_MESSAGE_MAGIC || header.rlimit_count > CSB_MESSAGE_MAX_RLIMITS ||
        header.seccomp_instruction_count > 0xFFFF || header.working_directory_length > 4096)
        return EPROTO;
    if (header.rlimit_count > (uint32_t)rlimit_capacity) return EMSGSIZE;
    size_t rlimits_at, directory_at, program_at;
    char *bytes = message;
    if (message_layout(&header, &rlimits_at, &directory_at, &program_at) != length ||
        bytes[directory_at + header.working_directory_length] != 0)
        return EPROTO;
    if (header.rlimit_count) memcpy(rlimit_storage, bytes + rlimits_at, header.rlimit_count * sizeof(csb_rlimit));
    csb_confinement confinement = {
        .stdin_fd = message_fd(header.stdin_index, fds, fd_count),
        .stdout_fd = message_fd(header.stdout_index, fds, fd_count),
        .stderr_fd = message_fd(header.stderr_index, fds, fd_count),
        .cgroup_procs_fd = message_fd(header.cgroup_procs_index, fds, fd_count),
        .landlock_ruleset_fd = message_fd(header.landlock_ruleset_index, fds, fd_count),
        .rlimits = rlimit_storage, .rlimit_count = (int)header.rlimit_count,
        .working_directory = header.working_directory_length ? bytes + directory_at : NULL,
        .drop_capabilities = header.drop_capabilities,
        .seccomp_program = header.seccomp_instruction_count ? bytes + program_at : NULL,
        .seccomp_instruction_count = (size_t)header.seccomp_instruction_count,
        .seccomp_self_pid_placeholder = header.seccomp_self_pid_placeholder,
    };
    if (confinement.stdin_fd < 0 || confinement.stdout_fd < 0 || confinement.stderr_fd < 0 ||
        confinement.cgroup_procs_fd == -2 || confinement.landlock_ruleset_fd == -2)
        return EBADF;
    *out = confinement;
    return 0;
}

int csb_confine_self_from_message(void *message, size_t length, const int *fds, int fd_count, int listener_socket,
                                  int *out_errno) {
    csb_rlimit rlimits[CSB_MESSAGE_MAX_RLIMITS];
    csb_confinement confinement;
    int error = csb_confinement_decode(message, length, fds, fd_count, rlimits, CSB_MESSAGE_MAX_RLIMITS, &confinement);
    if (error) return failed(out_errno, CSB_STAGE_MESSAGE, error);
    return csb_confine_self(&confinement, listener_socket, out_errno);
}

// MARK: - Descriptors: close-on-exec for everything the child inherited.

struct csb_dirent64 {
    uint64_t inode;
    int64_t offset;
    unsigned short record_length;
    unsigned char type;
    char name[];
};

int csb_mark_close_on_exec_by_listing(int first_fd) {
    int directory = (int)syscall(SYS_openat, AT_FDCWD, "/proc/self/fd", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (directory < 0) return errno;
    char buffer[1024] __attribute__((aligned(8)));
    int error = 0;
    while (!error) {
        long count = syscall(SYS_getdents64, directory, buffer, sizeof buffer);
        if (count <= 0) {
            if (count < 0) error = errno;
            break;
        }
        for (long offset = 0; offset < count && !error;) {
            const struct csb_dirent64 *entry = (const void *)(buffer + offset);
            offset += entry->record_length;
            const char *digit = entry->name;
            if (*digit < '0' || *digit > '9') continue;  // "." and ".."
            int fd = 0;
            while (*digit >= '0' && *digit <= '9') fd = fd * 10 + (*digit++ - '0');
            if (fd < first_fd || fd == directory) continue;
            if (syscall(SYS_fcntl, fd, F_SETFD, FD_CLOEXEC) != 0 && errno != EBADF) error = errno;
        }
    }
    syscall(SYS_close, directory);
    return error;
}

int csb_mark_close_on_exec_from(int first_fd) {
    if (syscall(SYS_close_range, first_fd, ~0U, CLOSE_RANGE_CLOEXEC) == 0) return 0;
    // Before Linux 5.11 the flag is unknown (EINVAL); before 5.9 close_range itself is (ENOSYS).
    if (errno != EINVAL && errno != ENOSYS) return errno;
    return csb_mark_close_on_exec_by_listing(first_fd);
}

// MARK: - The child of csb_spawn, between clone and execve: raw syscalls only.

__attribute__((noreturn)) static void child_fail(int error_pipe, int stage, int error) {
    int32_t report[2] = {stage, error};
    syscall(SYS_write, error_pipe, report, sizeof report);
    syscall(SYS_exit_group, 127);
    __builtin_unreachable();
}

__attribute__((noreturn)) static void child_main(const csb_spawn_request *request, int error_pipe,
                                                 int listener_socket) {
    // Handlers inherited from the parent must not run here; exec resets caught ones, not ignored ones.
    for (int sig = 1; sig < 65; sig++) {
        struct sigaction dfl;
        memset(&dfl, 0, sizeof dfl);
        dfl.sa_handler = SIG_DFL;
        syscall(SYS_rt_sigaction, sig, &dfl, NULL, 8);
    }
    // Every descriptor above the standard streams closes at exec, whoever opened it (csb_confine_self
    // dup2s the streams, which clears the flag on 0, 1 and 2). When neither close_range nor /proc
    // can promise that, the child runs nothing.
    int error = csb_mark_close_on_exec_from(3);
    if (error) child_fail(error_pipe, CSB_STAGE_CLOSE_DESCRIPTORS, error);

    int stage = csb_confine_self(&request->confinement, listener_socket, &error);
    if (stage != CSB_STAGE_NONE) child_fail(error_pipe, stage, error);

    sigset_t empty;
    sigemptyset(&empty);
    syscall(SYS_rt_sigprocmask, SIG_SETMASK, &empty, NULL, 8);
    syscall(SYS_execve, request->path, request->argv, request->envp);
    child_fail(error_pipe, CSB_STAGE_EXEC, errno);
}

// MARK: - The parent.

static int receive_fd(int socket_fd, int *out_fd) {
    char byte;
    struct iovec io = {.iov_base = &byte, .iov_len = 1};
    union {
        char buffer[CMSG_SPACE(sizeof(int))];
        struct cmsghdr align;
    } control;
    struct msghdr message = {.msg_iov = &io, .msg_iovlen = 1,
                             .msg_control = control.buffer, .msg_controllen = sizeof control.buffer};
    ssize_t received;
    do {
        received = recvmsg(socket_fd, &message, MSG_CMSG_CLOEXEC);
    } while (received < 0 && errno == EINTR);
    if (received <= 0) return received == 0 ? EPIPE : errno;
    struct cmsghdr *header = CMSG_FIRSTHDR(&message);
    if (!header || header->cmsg_type != SCM_RIGHTS) return EPROTO;
    memcpy(out_fd, CMSG_DATA(header), sizeof(int));
    return 0;
}

int csb_spawn(const csb_spawn_request *request, csb_spawn_result *result) {
    result->pid = -1;
    result->pidfd = -1;
    result->listener_fd = -1;
    result->failed_stage = CSB_STAGE_NONE;
    result->failed_errno = 0;

    int error_pipe[2];
    if (pipe2(error_pipe, O_CLOEXEC) != 0) return errno;
    int sockets[2] = {-1, -1};
    if (request->want_seccomp_listener && socketpair(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0, sockets) != 0) {
        int error = errno;
        close(error_pipe[0]);
        close(error_pipe[1]);
        return error;
    }

    // No signal handler of the parent may run in the child before exec.
    sigset_t all, previous;
    sigfillset(&all);
    pthread_sigmask(SIG_SETMASK, &all, &previous);
    int pidfd = -1;
    long pid = syscall(SYS_clone, (unsigned long)(SIGCHLD | CLONE_PIDFD | request->namespace_flags), NULL, &pidfd,
                       NULL, 0);
    if (pid == 0) child_main(request, error_pipe[1], sockets[1]);
    int clone_error = errno;
    pthread_sigmask(SIG_SETMASK, &previous, NULL);

    close(error_pipe[1]);
    if (sockets[1] >= 0) close(sockets[1]);
    if (pid < 0) {
        close(error_pipe[0]);
        if (sockets[0] >= 0) close(sockets[0]);
        return clone_error;
    }
    result->pid = (pid_t)pid;
    result->pidfd = pidfd;

    if (sockets[0] >= 0) {
        int listener = -1;
        if (receive_fd(sockets[0], &listener) == 0) result->listener_fd = listener;
        close(sockets[0]);
    }
    int32_t report[2] = {0, 0};
    ssize_t got;
    do {
        got = read(error_pipe[0], report, sizeof report);
    } while (got < 0 && errno == EINTR);
    close(error_pipe[0]);
    if (got == (ssize_t)sizeof report) {
        result->failed_stage = report[0];
        result->failed_errno = report[1];
        int status;
        while (waitpid((pid_t)pid, &status, 0) < 0 && errno == EINTR) {}
        if (result->pidfd >= 0) close(result->pidfd);
        if (result->listener_fd >= 0) close(result->listener_fd);
        result->pid = -1;
        result->pidfd = -1;
        result->listener_fd = -1;
    }
    return 0;
}

// MARK: - Landlock.

int csb_landlock_abi(void) {
    long abi = syscall(SYS_landlock_create_ruleset, NULL, 0, CSB_LANDLOCK_CREATE_RULESET_VERSION);
    return abi < 0 ? -errno : (int)abi;
}

int csb_landlock_create_ruleset(uint64_t handled_fs, uint64_t handled_net, uint64_t scoped, size_t attribute_size,
                                int *out_fd) {
    uint64_t attributes[3] = {handled_fs, handled_net, scoped};
    long fd = syscall(SYS_landlock_create_ruleset, attributes, attribute_size, 0);
    if (fd < 0) return errno;
    *out_fd = (int)fd;
    return 0;
}

int csb_landlock_allow_path(int ruleset_fd, const char *path, uint64_t access) {
    int fd = open(path, O_PATH | O_CLOEXEC);
    if (fd < 0) return errno;
    struct stat info;
    if (fstat(fd, &info) != 0) {
        int error = errno;
        close(fd);
        return error;
    }
    if (!S_ISDIR(info.st_mode)) access &= CSB_LANDLOCK_FILE_RIGHTS;
    struct csb_landlock_path_beneath rule = {.allowed_access = access, .parent_fd = fd};
    long added = syscall(SYS_landlock_add_rule, ruleset_fd, CSB_LANDLOCK_RULE_PATH_BENEATH, &rule, 0);
    int error = added == 0 ? 0 : errno;
    close(fd);
    return error;
}

// MARK: - Seccomp notifications.

int csb_seccomp_notification_receive(int listener_fd, uint64_t *out_id, int32_t *out_syscall) {
    struct seccomp_notif notification;
    memset(&notification, 0, sizeof notification);
    if (ioctl(listener_fd, SECCOMP_IOCTL_NOTIF_RECV, &notification) != 0) return errno;
    *out_id = notification.id;
    *out_syscall = notification.data.nr;
    return 0;
}

int csb_seccomp_notification_deny(int listener_fd, uint64_t id, int error) {
    struct seccomp_notif_resp response;
    memset(&response, 0, sizeof response);
    response.id = id;
    response.error = -error;
    return ioctl(listener_fd, SECCOMP_IOCTL_NOTIF_SEND, &response) == 0 ? 0 : errno;
}

// MARK: - Measurement and reaping.

int csb_process_cpu_time(pid_t pid, uint64_t *out_nanoseconds) {
    clockid_t clock;
    int error = clock_getcpuclockid(pid, &clock);
    if (error) return error;
    struct timespec now;
    if (clock_gettime(clock, &now) != 0) return errno;
    *out_nanoseconds = (uint64_t)now.tv_sec * 1000000000ull + (uint64_t)now.tv_nsec;
    return 0;
}

int csb_wait(pid_t pid, int *out_status, uint64_t *out_user_us, uint64_t *out_system_us, uint64_t *out_max_rss_kib) {
    struct rusage usage;
    pid_t reaped;
    do {
        reaped = wait4(pid, out_status, 0, &usage);
    } while (reaped < 0 && errno == EINTR);
    if (reaped < 0) return errno;
    *out_user_us = (uint64_t)usage.ru_utime.tv_sec * 1000000ull + (uint64_t)usage.ru_utime.tv_usec;
    *out_system_us = (uint64_t)usage.ru_stime.tv_sec * 1000000ull + (uint64_t)usage.ru_stime.tv_usec;
    *out_max_rss_kib = (uint64_t)usage.ru_maxrss;
    return 0;
}

int csb_status_exited(int status) { return WIFEXITED(status); }
int csb_status_exit_code(int status) { return WEXITSTATUS(status); }
int csb_status_signaled(int status) { return WIFSIGNALED(status); }
int csb_status_signal(int status) { return WTERMSIG(status); }

int csb_memory_file(const void *bytes, size_t length, int *out_fd) {
    int fd = memfd_create("proctor-stdin", MFD_CLOEXEC);
    if (fd < 0) return errno;
    const char *cursor = bytes;
    size_t left = length;
    while (left > 0) {
        ssize_t written = write(fd, cursor, left);
        if (written < 0) {
            if (errno == EINTR) continue;
            int error = errno;
            close(fd);
            return error;
        }
        cursor += written;
        left -= (size_t)written;
    }
    if (lseek(fd, 0, SEEK_SET) != 0) {
        int error = errno;
        close(fd);
        return error;
    }
    *out_fd = fd;
    return 0;
}

int csb_pipe(int *read_fd, int *write_fd) {
    int fds[2];
    if (pipe2(fds, O_CLOEXEC) != 0) return errno;
    *read_fd = fds[0];
    *write_fd = fds[1];
    return 0;
}

int csb_seccomp_available(void) {
    return prctl(PR_GET_SECCOMP, 0, 0, 0, 0) >= 0 ? 1 : 0;
}

// MARK: - Fork server: messages with descriptors.

int csb_send_message(int socket_fd, const void *bytes, size_t length, const int *fds, int fd_count) {
    struct iovec io = {.iov_base = (void *)bytes, .iov_len = length};
    union {
        char buffer[CMSG_SPACE(sizeof(int) * 16)];
        struct cmsghdr align;
    } control;
    if (fd_count < 0 || fd_count > 16) return EINVAL;
    memset(&control, 0, sizeof control);
    struct msghdr message = {.msg_iov = &io, .msg_iovlen = 1};
    if (fd_count > 0) {
        message.msg_control = control.buffer;
        message.msg_controllen = CMSG_SPACE(sizeof(int) * (size_t)fd_count);
        struct cmsghdr *header = CMSG_FIRSTHDR(&message);
        header->cmsg_level = SOL_SOCKET;
        header->cmsg_type = SCM_RIGHTS;
        header->cmsg_len = CMSG_LEN(sizeof(int) * (size_t)fd_count);
        memcpy(CMSG_DATA(header), fds, sizeof(int) * (size_t)fd_count);
    }
    ssize_t sent;
    do {
        sent = sendmsg(socket_fd, &message, MSG_NOSIGNAL);
    } while (sent < 0 && errno == EINTR);
    if (sent < 0) return errno;
    return (size_t)sent == length ? 0 : EMSGSIZE;
}

int csb_receive_message(int socket_fd, void *buffer, size_t capacity, size_t *out_length, int *fds, int fd_capacity,
                        int *out_fd_count) {
    struct iovec io = {.iov_base = buffer, .iov_len = capacity};
    union {
        char buffer[CMSG_SPACE(sizeof(int) * 16)];
        struct cmsghdr align;
    } control;
    memset(&control, 0, sizeof control);
    struct msghdr message = {.msg_iov = &io, .msg_iovlen = 1, .msg_control = control.buffer,
                             .msg_controllen = sizeof control.buffer};
    ssize_t received;
    do {
        received = recvmsg(socket_fd, &message, MSG_CMSG_CLOEXEC);
    } while (received < 0 && errno == EINTR);
    if (received < 0) return errno;
    if (received == 0) return EPIPE;
    *out_length = (size_t)received;
    *out_fd_count = 0;
    for (struct cmsghdr *header = CMSG_FIRSTHDR(&message); header; header = CMSG_NXTHDR(&message, header)) {
        if (header->cmsg_level != SOL_SOCKET || header->cmsg_type != SCM_RIGHTS) continue;
        int count = (int)((header->cmsg_len - CMSG_LEN(0)) / sizeof(int));
        for (int i = 0; i < count; i++) {
            int fd;
            memcpy(&fd, CMSG_DATA(header) + sizeof(int) * (size_t)i, sizeof(int));
            if (*out_fd_count < fd_capacity) fds[(*out_fd_count)++] = fd;
            else close(fd);
        }
    }
    if (message.msg_flags & (MSG_TRUNC | MSG_CTRUNC)) {
        for (int i = 0; i < *out_fd_count; i++) close(fds[i]);
        *out_fd_count = 0;
        return EMSGSIZE;
    }
    return 0;
}

int csb_seqpacket_pair(int *first_fd, int *second_fd) {
    int fds[2];
    if (socketpair(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0, fds) != 0) return errno;
    *first_fd = fds[0];
    *second_fd = fds[1];
    return 0;
}
