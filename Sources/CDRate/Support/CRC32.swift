import CZlib
#if arch(x86_64) && canImport(CRCInstructions)
import CRCInstructions
#endif

/// CRC-32 of gzip (RFC 1952), the check value of every member's content: on the
/// carry-less multiply when the CPU has it (`CRCInstructions`, about a seventh of the
/// instructions of zlib's), else zlib's `crc32`. Both give the same value;
/// `EngineSettings.zlibCRC32` (`CDRATE_CRC32=zlib`) forces zlib's (for comparison).
public enum CRC32 {
    /// Whether checksums go to the CPU's carry-less multiply.
    public static let instructionsAvailable: Bool = {
        #if arch(x86_64) && canImport(CRCInstructions) && os(Linux)
        if EngineSettings.current.zlibCRC32 { return false }
        return CPUFeatures.has(["pclmulqdq", "sse2"])
        #else
        return false
        #endif
    }()

    /// The CRC-32 of `bytes` continuing `crc` (0 for a new message).
    @inline(__always)
    public static func update(_ crc: UInt32, _ bytes: UnsafeRawBufferPointer) -> UInt32 {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return crc }
        #if arch(x86_64) && canImport(CRCInstructions)
        if instructionsAvailable { return CRC32Instructions.update(crc, base, bytes.count) }
        #endif
        return zlib(crc, bytes)
    }

    /// The CRC-32 of `bytes` continuing `crc` by zlib's `crc32` (tests, and the CPUs
    /// without the carry-less multiply).
    public static func zlib(_ crc: UInt32, _ bytes: UnsafeRawBufferPointer) -> UInt32 {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return crc }
        return UInt32(truncatingIfNeeded: crc32_z(uLong(crc), base.assumingMemoryBound(to: Bytef.self), z_size_t(bytes.count)))
    }
}
