import Glibc

/// Writing the compiled snapshot of the subscriber columns (`SubscriberSnapshot`) and
/// keeping the cache small: done by the commands that own the work area (or a shard's
/// lock), after the tables loaded without a problem.
extension ReferenceData {
    /// Writes the snapshot of the subscriber columns into `directory` (created if need
    /// be) when they were parsed from the text (`snapshot.wanted`), then removes the
    /// snapshots but the `keep` newest and temporary files an hour old. Returns the path
    /// written, or nil when there was nothing to write.
    public func writeSubscriberSnapshot(directory: String, keep: Int = 2) throws(IOFailure) -> String? {
        guard snapshot.wanted, let key = snapshot.key else { return nil }
        try FileSystem.makeDirectories(directory)
        let path = try SubscriberSnapshot.write(subscribers.columns, key: key, directory: directory)
        ReferenceData.pruneSnapshots(directory: directory, keeping: path, keep: keep)
        return path
    }

    /// Removes the snapshots of `directory` but `current` and the newest others up to
    /// `keep` in all, and temporary files older than an hour (a writer that died); a file
    /// that cannot be removed is left (the cache is never an error).
    static func pruneSnapshots(directory: String, keeping current: String, keep: Int) {
        guard let names = try? FileSystem.list(directory) else { return }
        var snapshots: [(path: String, modified: Int)] = []
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        for name in names {
            let path = directory + "/" + name
            var info = stat()
            guard stat(path, &info) == 0 else { continue }
            if name.hasPrefix(".subscribers-") && name.hasSuffix(".tmp") {
                if Int(now.tv_sec) - Int(info.st_mtim.tv_sec) > 3600 { unlink(path) }
            } else if name.hasPrefix("subscribers-") && name.hasSuffix(".bin") && path != current {
                snapshots.append((path, Int(info.st_mtim.tv_sec) * 1_000_000_000 + Int(info.st_mtim.tv_nsec)))
            }
        }
        for old in snapshots.sorted(by: { $0.modified > $1.modified }).dropFirst(max(keep - 1, 0)) { unlink(old.path) }
    }
}
