#if canImport(Glibc)
import Glibc
#endif
import Dispatch

/// Starts the disk writes of files the commit will sync, early and off the caller's
/// thread, so that the commit's `syncfs` finds most of a run's outputs already on disk.
///
/// Without it nothing reaches the disk before the commit on a machine with memory to
/// spare (the kernel starts writing dirty pages only past a share of RAM), so the whole
/// run's output — 400 MB at a million records — was written while the CPUs sat idle
/// at the end. The writes are started with `sync_file_range(2)` (`SYNC_FILE_RANGE_WRITE`)
/// on a duplicate of the file descriptor, from one serial background queue: that call
/// can block while the device is busy, and the threads producing the outputs must not.
/// Advisory: errors are ignored, and durability still rests on the commit's sync, which
/// reports them. `EngineSettings.writeBack` (`CDRATE_WRITEBACK=0`) turns it off.
public enum WriteBack {
    private static let queue = DispatchQueue(label: "cdrate.writeback", qos: .utility)
    private static let enabled = EngineSettings.current.writeBack

    /// Starts writing `count` bytes of `fd` from `offset` (0 and 0: the whole file).
    /// The caller may close `fd` at once.
    public static func start(_ fd: Int32, offset: Int = 0, count: Int = 0) {
        #if os(Linux)
        guard enabled else { return }
        let copy = dup(fd)
        guard copy >= 0 else { return }
        queue.async {
            _ = cSyncFileRange(copy, Int64(offset), Int64(count), 2)  // SYNC_FILE_RANGE_WRITE
            close(copy)
        }
        #endif
    }
}

#if os(Linux)
/// libc's `sync_file_range(2)`, which the Glibc module does not export.
@_silgen_name("sync_file_range")
private func cSyncFileRange(_ fd: Int32, _ offset: Int64, _ count: Int64, _ flags: UInt32) -> Int32
#endif
