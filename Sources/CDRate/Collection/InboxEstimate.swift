#if canImport(Glibc)
import Glibc
#endif

/// How many detail records an inbox holds, estimated before collection from the sizes
/// of its files (a gzip file's inflated size from its trailer): what a run uses to
/// choose how many IMSI ranges to spill its records into, so that a large night's
/// ranges are small enough to be rated without being split again. Only the work's
/// division depends on it, never an output.
public enum InboxEstimate {
    /// Bytes of one detail line with its LF.
    static let lineBytes = 161

    /// The estimated detail records of the files of `inbox` that collection would
    /// consider (regular files whose names do not start with `.`); 0 when it cannot be read.
    public static func detailRecords(inbox: String) -> Int {
        guard let names = try? FileSystem.list(inbox) else { return 0 }
        var bytes = 0
        for name in names where !name.hasPrefix(".") {
            let path = inbox + "/" + name
            guard FileSystem.isRegularFile(path), let size = FileSystem.size(path) else { continue }
            bytes += name.hasSuffix(".gz") ? inflatedSize(path, size: size) : size
        }
        return bytes / lineBytes
    }

    /// The ISIZE field of the gzip file at `path` (its last member's inflated size
    /// modulo 2³²), but never more than twelve times the file's size (CDR text
    /// compresses about tenfold): a trailer that lies, or a bomb, does not size the run;
    /// six times its size when the trailer cannot be read. Opened without blocking.
    private static func inflatedSize(_ path: String, size: Int) -> Int {
        let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else { return size * 6 }
        defer { close(fd) }
        var trailer: UInt32 = 0
        guard size >= 18, pread(fd, &trailer, 4, off_t(size - 4)) == 4 else { return size * 6 }
        return min(Int(UInt32(littleEndian: trailer)), size * 12)
    }
}
