import Synchronization

/// Whether the command of this process may still be stopped leaving nothing behind: an
/// interrupt (Ctrl-C, SIGTERM) is honoured only before the command reaches its commit
/// point, the rename that makes its run, bill run or generation exist. The CLI's
/// interrupt handler asks here; the library never prints and never exits.
///
/// Stopping before the commit is safe because the next command's `WorkArea.recover()`
/// removes the staging directories and scratch; stopping after it is not needed, since
/// all that is left to do is append to the logs.
public enum CommitGate {
    private static let committing = Mutex(false)

    /// Closes the gate for good: called by a command just before its commit point. An
    /// interrupt being honoured at that moment holds the gate until the process is gone,
    /// so the commit never starts after the message "nothing committed" was printed.
    public static func enterCommit() {
        committing.withLock { $0 = true }
    }

    /// Runs `stop` (which ends the process) if no commit has begun; returns false,
    /// having done nothing, once one has.
    public static func stopUnlessCommitting(_ stop: () -> Never) -> Bool {
        committing.withLock { committing in
            if committing { return false }
            stop()
        }
    }
}
