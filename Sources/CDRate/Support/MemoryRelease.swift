/// Returns freed heap memory to the system. glibc keeps large freed blocks in its
/// arenas (its mmap threshold rises after big frees), so without this a run's peak
/// resident memory would grow with the number of partition sub-batches it has freed,
/// not with what it holds.
public enum MemoryRelease {
    /// Releases free pages of every malloc arena (`malloc_trim(0)`); a no-op elsewhere.
    public static func releaseFreePages() {
        #if os(Linux)
        _ = cMallocTrim(0)
        #endif
    }
}

#if os(Linux)
/// glibc's `malloc_trim(3)`, which the Glibc module does not export.
@_silgen_name("malloc_trim")
private func cMallocTrim(_ pad: Int) -> Int32
#endif
