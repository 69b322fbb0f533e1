import Dispatch
import Glibc

/// A large reference table read block by block (SPEC section 3: `subscribers.tbl`,
/// `family.tbl`), so that its memory does not grow with the file: a table of 30 million
/// subscribers is 2.2 GB of text, more than a night may hold.
///
/// The header is checked as `TableFile` checks it (the same messages); then each block
/// of whole lines after it is handed to a consumer with the number of the line before
/// it. The file's SHA-256 is computed from the same reads.
struct TableStream: Sendable {
    // MARK: - Stored properties

    /// The file name, e.g. `subscribers.tbl`, used in every error.
    let name: String
    /// The expected column names, in order.
    let columns: [String]
    private let source: Source
    private let blockSize: Int

    /// Where the bytes come from: a file, or bytes already read (tests, `TableFile`).
    private enum Source: Sendable {
        case path(String)
        case bytes([UInt8])
    }

    // MARK: - Init

    /// A reading of the file at `path`, called `name` in errors, whose header must be `columns`.
    init(path: String, name: String, columns: [String], blockSize: Int = 16 << 20) {
        source = .path(path)
        self.name = name
        self.columns = columns
        self.blockSize = blockSize
    }

    /// A reading of `bytes`, the contents of the file `name`.
    init(bytes: [UInt8], name: String, columns: [String], blockSize: Int = 16 << 20) {
        source = .bytes(bytes)
        self.name = name
        self.columns = columns
        self.blockSize = blockSize
    }

    /// The size of the file in bytes, when known.
    var size: Int? {
        switch source {
        case .bytes(let bytes): return bytes.count
        case .path(let path):
            var info = stat()
            return stat(path, &info) == 0 ? Int(info.st_size) : nil
        }
    }

    // MARK: - API

    /// Reads the whole file: after its header, `consume(lines, lineBefore)` gets each
    /// block of whole lines (the last may lack its line feed) and returns how many lines
    /// it holds. Returns the file's SHA-256 (lowercase hex). Unless `hash`, no digest is
    /// computed (an empty string comes back).
    func read(hash: Bool = true,
              _ consume: (UnsafeBufferPointer<UInt8>, Int) throws(ConfigurationError) -> Int) throws(ConfigurationError) -> String {
        var fd: Int32 = -1, memory: [UInt8] = [], position = 0
        switch source {
        case .bytes(let bytes): memory = bytes
        case .path(let path):
            fd = open(path, O_RDONLY | O_CLOEXEC)
            guard fd >= 0 else { throw ConfigurationError(file: name, line: 0, problem: "cannot be read: \(FileSystem.errorText())") }
        }
        defer { if fd >= 0 { close(fd) } }
        let digest = DigestBox()
        var hashed = 0
        var capacity = blockSize
        var buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
        defer { buffer.deallocate() }
        var filled = 0, lineBefore = 0, sawHeader = false, atEnd = false
        while !atEnd {
            if filled == capacity {
                // One line longer than a block: room for it.
                let larger = UnsafeMutablePointer<UInt8>.allocate(capacity: 2 * capacity)
                larger.update(from: buffer, count: filled)
                buffer.deallocate()
                buffer = larger
                capacity *= 2
            }
            var got = 0
            if fd >= 0 {
                got = Glibc.read(fd, buffer + filled, capacity - filled)
            } else {
                got = min(capacity - filled, memory.count - position)
                if got > 0 { memory.withUnsafeBufferPointer { (buffer + filled).update(from: $0.baseAddress! + position, count: got) } }
                position += got
            }
            if got < 0 {
                if errno == EINTR { continue }
                throw ConfigurationError(file: name, line: 0, problem: "cannot be read: \(FileSystem.errorText())")
            }
            filled += got
            atEnd = got == 0
            if !atEnd && filled < capacity { continue }
            // Whole lines: up to the last line feed, or everything at the end of the file.
            var end = filled
            if !atEnd {
                end = filled
                while end > 0 && buffer[end - 1] != ASCII.lineFeed { end -= 1 }
                if end == 0 { continue }
            }
            // The bytes read since the last block are hashed on another thread while this
            // block is parsed; the buffer is not touched until both are done.
            let group = DispatchGroup()
            if hash && hashed < filled {
                let fresh = SharedRegion(start: buffer + hashed, count: filled - hashed)
                DispatchQueue.global().async(group: group) { digest.sha.update(UnsafeRawBufferPointer(start: fresh.start, count: fresh.count)) }
                hashed = filled
            }
            defer { group.wait() }
            var start = 0
            if !sawHeader {
                (start, lineBefore, sawHeader) = try header(UnsafeBufferPointer(start: buffer, count: end), lineBefore: lineBefore)
            }
            if sawHeader && start < end {
                lineBefore += try consume(UnsafeBufferPointer(start: buffer + start, count: end - start), lineBefore)
            } else if !sawHeader {
                lineBefore += TableStream.lineCount(UnsafeBufferPointer(start: buffer + start, count: end - start))
            }
            group.wait()
            buffer.update(from: buffer + end, count: filled - end)
            filled -= end
            hashed = filled
        }
        guard sawHeader else {
            throw ConfigurationError(file: name, line: 0,
                                     problem: "no header line, expected \"\(columns.joined(separator: " "))\"")
        }
        return hash ? SHA256.hex(digest.sha.finalize()) : ""
    }

    /// Cuts the line `bytes[start..<end]` into at most `limit` values, their bounds in
    /// `bounds` (two offsets each), as `TableFile` does: the part before any `#`, split
    /// on spaces, tabs and carriage returns. Returns the number of values, which may be
    /// above `limit` (then only the first `limit` are in `bounds`).
    @inline(__always)
    static func tokens(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, limit: Int,
                       into bounds: UnsafeMutablePointer<Int>) -> Int {
        var i = start, count = 0
        while i < end {
            let byte = bytes[i]
            if byte == UInt8(ascii: "#") { break }
            if isBreak(byte) {
                i += 1
                continue
            }
            var j = i + 1
            while j < end && !isBreak(bytes[j]) { j += 1 }
            if count < limit {
                bounds[2 * count] = i
                bounds[2 * count + 1] = j
            }
            count += 1
            i = j
        }
        return count
    }

    /// The end of the line starting at `start` (its line feed, or `bytes.count`).
    @inline(__always)
    static func lineEnd(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        guard let found = memchr(bytes.baseAddress! + start, Int32(ASCII.lineFeed), bytes.count - start) else {
            return bytes.count
        }
        return UnsafeRawPointer(found) - UnsafeRawPointer(bytes.baseAddress!)
    }

    /// The number of lines of `bytes` (a last line without a line feed counts).
    static func lineCount(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var lines = 0, start = 0
        while start < bytes.count {
            start = lineEnd(bytes, from: start) + 1
            lines += 1
        }
        return lines
    }

    /// Cuts `bytes` into at most `pieces` runs of whole lines of about equal size: the
    /// bounds of each, ascending.
    static func pieces(_ bytes: UnsafeBufferPointer<UInt8>, _ pieces: Int) -> [Int] {
        var cuts = [0]
        for p in 1..<max(pieces, 1) {
            let guess = bytes.count * p / pieces
            guard guess > cuts.last! else { continue }
            let cut = min(lineEnd(bytes, from: guess - 1) + 1, bytes.count)
            if cut > cuts.last! && cut < bytes.count { cuts.append(cut) }
        }
        cuts.append(bytes.count)
        return cuts
    }

    /// The error `TableFile` gives for a row of `count` values.
    func shapeError(line: Int, count: Int) -> ConfigurationError {
        ConfigurationError(file: name, line: line,
                           problem: "\(count) value\(count == 1 ? "" : "s"), expected \(columns.count) "
                               + "(\(columns.joined(separator: " ")))")
    }

    // MARK: - Private

    /// The running SHA-256, updated by one thread at a time.
    private final class DigestBox: @unchecked Sendable {
        var sha = SHA256()
    }

    /// Bytes of the buffer handed to the hashing thread.
    private struct SharedRegion: @unchecked Sendable {
        let start: UnsafeMutablePointer<UInt8>
        let count: Int
    }

    /// Looks for the header in `bytes` (whole lines): the offset after it, the lines
    /// read, and whether it was found (then it matched `columns`).
    private func header(_ bytes: UnsafeBufferPointer<UInt8>, lineBefore: Int) throws(ConfigurationError) -> (Int, Int, Bool) {
        var start = 0, line = lineBefore
        let bounds = UnsafeMutablePointer<Int>.allocate(capacity: 2 * 64)
        defer { bounds.deallocate() }
        while start < bytes.count {
            let end = TableStream.lineEnd(bytes, from: start)
            line += 1
            let count = TableStream.tokens(bytes, start, end, limit: 64, into: bounds)
            start = min(end + 1, bytes.count)
            if count == 0 { continue }
            let tokens = (0..<min(count, 64)).map {
                String(decoding: UnsafeBufferPointer(rebasing: bytes[bounds[2 * $0] ..< bounds[2 * $0 + 1]]), as: UTF8.self)
            }
            guard count <= 64, tokens == columns else {
                throw ConfigurationError(
                    file: name, line: line,
                    problem: "header is \"\(tokens.joined(separator: " "))\", expected \"\(columns.joined(separator: " "))\"")
            }
            return (start, line, true)
        }
        return (start, line, false)
    }

    /// Whether `byte` ends a value: a space, a tab, a carriage return or `#`.
    @inline(__always)
    private static func isBreak(_ byte: UInt8) -> Bool {
        byte <= 0x23 && (breaks >> UInt64(byte)) & 1 != 0
    }

    /// The bytes that end a value, as bits: space 0x20, `#` 0x23, tab 0x09, CR 0x0D.
    private static let breaks: UInt64 = 1 << 0x20 | 1 << 0x23 | 1 << 0x09 | 1 << 0x0D
}
