import CDRate
#if canImport(Glibc)
import Glibc
#endif

/// What one fuzzer input exercises (docs/operations.md, "Reliability"): its first byte
/// picks the decoder, the rest is what the decoder is fed.
/// - `0`: a `.cdr.gz` file through `GzipInflater` and `SwitchFileChecker`, in chunks of
///   a size taken from the second byte;
/// - `1`: a plain `.cdr` file through `SwitchFileChecker`, in chunks likewise;
/// - `2`: 160-byte detail records through `RecordChecker`, against the tables in
///   `CDRATE_TARIFFS` (default `Tariffs`), when they load;
/// - `3`: a duplicate-key segment (`DuplicateKeySegments`), read as a night reads it:
///   the slices of three IMSI ranges, every key, and carried into a next generation.
/// The oracle is the sanitizer's: no trap, no memory error, no hang.
enum FuzzInput {
    /// The switch file name the file decoders check the header against.
    private static let plainName = SwitchFileName.parse("BJMSC01_20261005_000001.cdr")!
    private static let gzipName = SwitchFileName.parse("BJMSC01_20261005_000001.cdr.gz")!
    /// The tables for the record checker, loaded once; nil when they do not load.
    private static let checker: RecordChecker? = {
        let directory = getenv("CDRATE_TARIFFS").map { String(cString: $0) } ?? "Tariffs"
        return (try? ReferenceData.load(directory: directory)).map { RecordChecker(reference: $0) }
    }()

    /// Runs one input.
    static func run(_ input: UnsafeRawBufferPointer) {
        guard input.count >= 2 else { return }
        let chunk = Int(input[1]) * 16 + 1
        let body = UnsafeRawBufferPointer(rebasing: input[2...])
        switch input[0] % 4 {
        case 0: file(body, name: gzipName, chunk: chunk)
        case 1: file(body, name: plainName, chunk: chunk)
        case 2: records(body)
        default: segment(body)
        }
    }

    /// A switch file, fed in chunks of `chunk` bytes, with a 16 MiB gzip limit.
    private static func file(_ bytes: UnsafeRawBufferPointer, name: SwitchFileName, chunk: Int) {
        var checker = SwitchFileChecker(name: name)
        let inflater = name.isGzip ? GzipInflater(maxInflatedBytes: 16 << 20, outputChunkSize: chunk) : nil
        var offset = 0
        while offset < bytes.count && !checker.isFailed {
            let piece = UnsafeRawBufferPointer(rebasing: bytes[offset..<min(bytes.count, offset + chunk)])
            if let inflater {
                do throws(GzipFailure) {
                    try inflater.feed(piece) { content in
                        checker.feed(content)
                        return !checker.isFailed
                    }
                } catch {
                    return
                }
            } else {
                checker.feed(piece)
            }
            offset += piece.count
        }
        if let inflater { try? inflater.finish() }
        _ = checker.finish()
    }

    /// A scratch directory of this process for the segment inputs.
    private static let scratch: String = {
        let path = "/tmp/cdrate-fuzz-\(getpid())"
        try? FileSystem.makeDirectories(path + "/dupkeys")
        return path
    }()

    /// `bytes` as the segment of 20261005 of a generation, read and carried; a damaged
    /// segment throws, which is what it must do.
    private static func segment(_ bytes: UnsafeRawBufferPointer) {
        let directory = scratch + "/dupkeys", next = scratch + "/next"
        try? FileSystem.removeTree(next)
        try? FileSystem.makeDirectories(next)
        guard (try? FileSystem.write(directory + "/20261005-R0000001.bin", Array(bytes), sync: false)) != nil else { return }
        do throws(IOFailure) {
            let segments = try DuplicateKeySegments(directory: directory)
            let bounds = [Int.min, 460_010_000_000_003, 460_010_000_000_007, Int.max]
            for r in 0..<3 { _ = try segments.keys(imsis: bounds[r]..<bounds[r + 1], dates: [20261005], reservingExtra: 1) }
            _ = try segments.allKeys()
            _ = try segments.carry(into: next, retention: 20261005)
        } catch {
            return
        }
    }

    /// Every whole 160-byte record of `bytes` through the record checks.
    private static func records(_ bytes: UnsafeRawBufferPointer) {
        guard let checker else { return }
        let created = Timestamp(value: 20261005230000)!
        var offset = 0
        while offset + 160 <= bytes.count {
            _ = checker.check(UnsafeRawBufferPointer(rebasing: bytes[offset..<(offset + 160)]), created: created)
            offset += 160
        }
    }
}
