import CZlib
@testable import CDRate

/// A second, deliberately naive reading of SPEC section 1, the fuzz tests' oracle: the
/// whole file in memory, gzip members inflated one-shot with zlib, then the content
/// checks written straight from the SPEC text. It shares no code with the streaming
/// `SwitchFileReader` / `GzipInflater` / `SwitchFileChecker` it judges.
enum SwitchFileModel {
    /// The verdict on a file.
    enum Verdict: Equatable {
        /// Good: its details (160 bytes each, no LF), their count and sums, the header's creation time.
        case good(details: [UInt8], count: Int, durationSum: Int, volumeSum: Int, creation: Int)
        /// Quarantined, with a short why (for failure messages only).
        case quarantined(String)

        /// Whether the file is good.
        var isGood: Bool {
            if case .good = self { return true }
            return false
        }
    }

    /// The verdict on `bytes` named `name` (a name that parses), with a gzip file's
    /// content limited to `maxInflatedBytes`.
    static func verdict(_ bytes: [UInt8], name: SwitchFileName, maxInflatedBytes: Int) -> Verdict {
        var content = bytes
        if name.isGzip {
            switch gunzip(bytes, limit: maxInflatedBytes) {
            case .success(let inflated): content = inflated
            case .failure(let why): return .quarantined(why.text)
            }
        }
        return check(content, name: name)
    }

    /// A failure of the one-shot gunzip.
    struct Why: Error { var text: String }

    /// Every member of `bytes`, inflated and concatenated; fails on an empty input, a
    /// member that does not end (truncated, corrupt, CRC-32 or ISIZE wrong), anything
    /// after the last member, or more than `limit` bytes of content.
    static func gunzip(_ bytes: [UInt8], limit: Int) -> Result<[UInt8], Why> {
        if bytes.isEmpty { return .failure(Why(text: "empty")) }
        var out = [UInt8]()
        var offset = 0
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while offset < bytes.count {
            var stream = z_stream()
            guard cdrate_inflateInit2(&stream, 16 + MAX_WBITS) == Z_OK else { return .failure(Why(text: "init")) }
            defer { inflateEnd(&stream) }
            var status = Z_OK
            var input = Array(bytes[offset...])
            let consumed: Int = input.withUnsafeMutableBufferPointer { source in
                stream.next_in = source.baseAddress
                stream.avail_in = uInt(source.count)
                while true {
                    let produced: Int = chunk.withUnsafeMutableBufferPointer { target in
                        stream.next_out = target.baseAddress
                        stream.avail_out = uInt(target.count)
                        status = inflate(&stream, Z_NO_FLUSH)
                        return target.count - Int(stream.avail_out)
                    }
                    out += chunk[0..<produced]
                    if out.count > limit || status != Z_OK { break }
                    if produced == 0 && stream.avail_in == 0 { break }
                }
                return source.count - Int(stream.avail_in)
            }
            if out.count > limit { return .failure(Why(text: "beyond the limit")) }
            if status != Z_STREAM_END { return .failure(Why(text: "member at \(offset) does not end (zlib \(status))")) }
            offset += consumed
        }
        return .success(out)
    }

    /// The content checks of SPEC section 1, line by line.
    static func check(_ content: [UInt8], name: SwitchFileName) -> Verdict {
        let width = 161
        if content.count % width != 0 { return .quarantined("not N x 161 bytes") }
        let n = content.count / width
        if n < 2 { return .quarantined("fewer than two lines") }
        var lines = [[UInt8]]()
        for i in 0..<n {
            let line = Array(content[(i * width)..<(i * width + 160)])
            if content[i * width + 160] != 10 { return .quarantined("line \(i + 1) has no LF at 161") }
            if line.contains(where: { $0 < 0x20 || $0 > 0x7E }) { return .quarantined("line \(i + 1) not printable") }
            lines.append(line)
        }
        // The header.
        let h = lines[0]
        if h[0] != UInt8(ascii: "H") { return .quarantined("no header") }
        let switchText = Array(name.switchID.description.utf8)
        if Array(h[1..<11]) != switchText + Array(repeating: 0x20, count: 10 - switchText.count) {
            return .quarantined("header switch")
        }
        if digits(h[11..<17]) != name.sequence { return .quarantined("header seq") }
        guard let creation = digits(h[17..<31]), isTime(creation) else { return .quarantined("header time") }
        if Array(h[31..<35]) != Array("CDR1".utf8) { return .quarantined("header version") }
        // Details, then the trailer last.
        var details = [UInt8]()
        var durations = 0, volumes = 0
        for line in lines[1..<(n - 1)] {
            if line[0] != UInt8(ascii: "D") { return .quarantined("not a detail between header and trailer") }
            details += line
            durations += digits(line[103..<109]) ?? 0
            volumes += digits(line[109..<119]) ?? 0
        }
        let t = lines[n - 1]
        if t[0] != UInt8(ascii: "T") { return .quarantined("no trailer last") }
        if digits(t[1..<9]) != n - 2 { return .quarantined("trailer count") }
        if digits(t[9..<21]) != durations { return .quarantined("trailer durations") }
        if digits(t[21..<35]) != volumes { return .quarantined("trailer volumes") }
        return .good(details: details, count: n - 2, durationSum: durations, volumeSum: volumes, creation: creation)
    }

    /// The value of an all-digit field, else nil.
    static func digits(_ field: ArraySlice<UInt8>) -> Int? {
        var value = 0
        for b in field {
            guard b >= 0x30 && b <= 0x39 else { return nil }
            value = value * 10 + Int(b - 0x30)
        }
        return field.isEmpty ? nil : value
    }

    /// Whether `YYYYMMDDHHMMSS` is a valid time, years 1000–9999 (SPEC conventions).
    static func isTime(_ v: Int) -> Bool {
        let year = v / 10_000_000_000, month = v / 100_000_000 % 100, day = v / 1_000_000 % 100
        let hour = v / 10_000 % 100, minute = v / 100 % 100, second = v % 100
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
        let lengths = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        return (1000...9999).contains(year) && (1...12).contains(month) && day >= 1 && day <= lengths[month - 1]
            && hour < 24 && minute < 60 && second < 60
    }
}
