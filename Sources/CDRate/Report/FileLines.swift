#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Streams the lines of a file in chunks, so that a report reads a 10M-record
/// `rated.dat` or a year of `alarms.log` in bounded memory. Fixed-width files are
/// checked line by line against their width.
public struct FileLines {
    /// The file's path (messages name it).
    public let path: String

    /// The lines of `path`.
    public init(path: String) { self.path = path }

    /// Calls `body` with each line (without its LF) and its 1-based number; a last line
    /// without LF is handed over too.
    ///
    /// - Throws: `IOFailure` when the file cannot be read, or what `body` throws.
    public func forEach(_ body: (UnsafeRawBufferPointer, Int) throws(IOFailure) -> Void) throws(IOFailure) {
        let fd = open(path, O_RDONLY)
        if fd < 0 { throw IOFailure(path: path, reason: "cannot open: \(FileSystem.errorText())") }
        defer { close(fd) }
        var capacity = 1 << 20
        var buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: capacity, alignment: 16)
        defer { buffer.deallocate() }
        var filled = 0, number = 0
        while true {
            if filled == capacity {
                // One line longer than the buffer: grow it.
                let bigger = UnsafeMutableRawBufferPointer.allocate(byteCount: capacity * 2, alignment: 16)
                bigger.copyMemory(from: UnsafeRawBufferPointer(buffer))
                buffer.deallocate()
                buffer = bigger
                capacity *= 2
            }
            let n = read(fd, buffer.baseAddress! + filled, capacity - filled)
            if n < 0 {
                if errno == EINTR { continue }
                throw IOFailure(path: path, reason: "cannot read: \(FileSystem.errorText())")
            }
            if n == 0 { break }
            let end = filled + n
            var start = 0
            for i in filled..<end where buffer[i] == ASCII.lineFeed {
                number += 1
                try body(UnsafeRawBufferPointer(rebasing: buffer[start..<i]), number)
                start = i + 1
            }
            if start > 0 {
                for i in 0..<(end - start) { buffer[i] = buffer[start + i] }
            }
            filled = end - start
        }
        if filled > 0 { try body(UnsafeRawBufferPointer(rebasing: buffer[0..<filled]), number + 1) }
    }

    /// Calls `body` with each record of a fixed-width file whose records are `width`
    /// bytes and start with one of `codes`.
    ///
    /// - Throws: `IOFailure` naming the first line that is not such a record.
    public func forEachRecord(width: Int, codes: String,
                              _ body: (RecordView, Int) throws(IOFailure) -> Void) throws(IOFailure) {
        let letters = Set(codes.utf8)
        let path = self.path
        try forEach { line, number throws(IOFailure) in
            guard line.count == width, letters.contains(line[0]) else {
                throw IOFailure(path: path, reason: "line \(number) is not a \(width)-byte record of type "
                    + "\(codes.map(String.init).joined(separator: "/")) and LF; the file is damaged")
            }
            try body(RecordView(line), number)
        }
    }
}
