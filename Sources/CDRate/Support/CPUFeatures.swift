import Glibc

/// The instruction-set extensions of this CPU, as `/proc/cpuinfo` names them on its
/// `flags` line (`sha_ni`, `pclmulqdq`, `sse4_1`…): the engine uses an extension's
/// code path only when the CPU has it.
public enum CPUFeatures {
    /// Whether the CPU has every extension of `names`.
    public static func has(_ names: Set<String>) -> Bool { names.isSubset(of: flags) }

    /// The flags of the first processor; empty off Linux or when unreadable.
    public static let flags: Set<String> = {
        #if os(Linux)
        // The first processor's "flags" line is within the first few KiB of /proc/cpuinfo.
        // Read with plain POSIX calls rather than FileSystem.read: scripts/sha-bench.sh
        // compiles this file without the rest of the engine.
        let fd = open("/proc/cpuinfo", O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return [] }
        defer { close(fd) }
        var info = [UInt8](repeating: 0, count: 64 << 10)
        var used = 0
        while used < info.count {
            let n = info.withUnsafeMutableBytes { read(fd, $0.baseAddress! + used, $0.count - used) }
            if n <= 0 { break }
            used += n
        }
        guard let line = String(decoding: info[0..<used], as: UTF8.self).split(separator: "\n")
            .first(where: { $0.hasPrefix("flags") }) else { return [] }
        return Set(line.split(separator: " ").map(String.init))
        #else
        return []
        #endif
    }()
}
