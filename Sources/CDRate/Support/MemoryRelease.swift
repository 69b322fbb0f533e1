#if canImport(Glibc)
import Glibc
#endif

/// Returns the heap memory a phase freed to the system at the phase's end.
///
/// glibc keeps large freed blocks in the arena of the thread that freed them, so
/// without this the buffers of collection and of rating (each phase on its own
/// threads' arenas) would add up instead of the peak being that of the largest phase.
/// It is called once per phase, not per sub-batch: returning a sub-batch's buffers
/// after each one and faulting them back in for the next cost about a quarter of the
/// rating CPU time (`docs/performance.md`).
public enum MemoryRelease {
    /// Releases free pages of every malloc arena (`malloc_trim(0)`) at the end of a
    /// phase; a no-op elsewhere.
    public static func releaseFreePages() {
        #if os(Linux)
        _ = cMallocTrim(0)
        #endif
    }

    /// Caps glibc's malloc arenas at one per core (at least two) instead of eight per
    /// core, unless `MALLOC_ARENA_MAX` is set. A buffer freed on one thread is then
    /// reused by the next job on another instead of being kept in an arena of its own:
    /// at 10M records the peak went from 240–275 to about 230 MiB, and no slower
    /// (`docs/performance.md`).
    public static func limitArenas(toThreads threads: Int) {
        #if os(Linux)
        if getenv("MALLOC_ARENA_MAX") == nil { _ = cMallopt(-8 /* M_ARENA_MAX */, Int32(max(2, threads))) }
        #endif
    }
}

#if os(Linux)
/// glibc's `malloc_trim(3)`, which the Glibc module does not export.
@_silgen_name("malloc_trim")
private func cMallocTrim(_ pad: Int) -> Int32

/// glibc's `mallopt(3)`, which the Glibc module does not export.
@_silgen_name("mallopt")
private func cMallopt(_ parameter: Int32, _ value: Int32) -> Int32
#endif
