import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Opening an append-only JSONL output (samples, results) for its one writer. Two processes
/// appending to one file would interleave their lines, and one started without resuming would
/// empty the file under the other; so the writer holds an advisory lock (`flock`) on its open
/// file for as long as it writes (the kernel drops it when the file is closed or the process
/// dies, SIGKILL included), and a second writer is refused before anything in the file changes.
public enum OutputFile {
    /// An output opened for appending, and what opening it repaired.
    public struct Opened {
        /// A descriptor open for appending (`O_APPEND`), holding the lock until it is closed.
        public let descriptor: Int32
        /// Bytes of a partial last line (left by a crash mid-write) that were cut; 0 if none.
        public let cutBytes: Int
    }

    /// Opens `path` for appending and locks it. Without `resume` the file is emptied; with it, a
    /// partial last line is cut so the next record starts on a line of its own.
    public static func open(_ path: String, resume: Bool) throws -> Opened {
        let descriptor = Glibc.open(path, O_WRONLY | O_CREAT | O_CLOEXEC | O_APPEND, 0o644)
        if descriptor < 0 { throw JudgeError("cannot open for writing: \(String(cString: strerror(errno)))", file: path) }
        do {
            if flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
                if errno == EWOULDBLOCK {
                    throw JudgeError("another process is writing this file (a second writer would interleave its lines); "
                                     + "wait for it to finish, or write to another file", file: path)
                }
                throw JudgeError("cannot lock for writing: \(String(cString: strerror(errno)))", file: path)
            }
            var cut = 0
            if !resume {
                if ftruncate(descriptor, 0) != 0 { throw JudgeError("cannot empty: \(String(cString: strerror(errno)))", file: path) }
            } else {
                cut = try cutPartialLastLine(path)
            }
            return Opened(descriptor: descriptor, cutBytes: cut)
        } catch {
            close(descriptor)
            throw error
        }
    }

    /// The sentence that tells a user a partial last line was cut; nil when none was.
    public static func repairNote(path: String, cutBytes: Int) -> String? {
        cutBytes == 0 ? nil : "\(path): cut a partial last line (\(cutBytes) bytes) left by an interrupted run; "
            + "the records before it are kept"
    }

    /// Truncates a JSONL file after its last newline, dropping a line cut short by a crash;
    /// returns how many bytes went.
    @discardableResult
    public static func cutPartialLastLine(_ path: String) throws -> Int {
        guard let data = FileManager.default.contents(atPath: path), let last = data.last, last != 0x0A else { return 0 }
        let keep = (data.lastIndex(of: 0x0A).map { $0 + 1 }) ?? 0
        if truncate(path, off_t(keep)) != 0 {
            throw JudgeError("cannot cut the partial last line: \(String(cString: strerror(errno)))", file: path)
        }
        return data.count - keep
    }
}
