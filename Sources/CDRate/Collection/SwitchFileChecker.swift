/// An incremental checker of a switch file's (inflated) content, fed in chunks of any
/// size, that applies the content checks of SPEC section 1 in file order as lines
/// complete, and collects the detail records of a good file.
///
/// Like swift-nio's `ByteToMessageDecoder`: call `feed(_:)` for every chunk in order,
/// then `finish()` for the verdict. The first failure is kept and later input is
/// ignored, so a caller may stop feeding once `failure` is set. The checks, in order:
/// - every line is exactly 160 bytes in 0x20–0x7E followed by LF (no CR, no missing
///   final LF), and there are at least two lines;
/// - line 1 is a header whose switch (space-padded) and seq equal the name's, whose
///   creation time is a valid time and whose version is `CDR1`;
/// - every line between the header and the trailer starts with `D`;
/// - the last line is the trailer, and its count, duration sum and volume sum equal
///   those of the details (a duration or volume that is not all digits counts 0).
/// Filler bytes are not checked.
public struct SwitchFileChecker {
    // MARK: - Stored properties

    /// The parsed file name the header must agree with.
    public let name: SwitchFileName
    /// The first failure met, as a quarantine reason; nil while the content is good so far.
    public private(set) var failure: String?
    /// The complete lines seen so far.
    public private(set) var lineCount = 0
    /// The detail records collected so far, 160 bytes each, without LF.
    public private(set) var details: [UInt8] = []
    /// The number of detail records so far.
    public private(set) var detailCount = 0
    /// The sum of the details' durations so far (non-digit fields count 0).
    public private(set) var durationSum = 0
    /// The sum of the details' volumes so far (non-digit fields count 0).
    public private(set) var volumeSum = 0
    /// The header's creation time, once a valid header was read.
    public private(set) var creation: Timestamp?

    /// The machine's clock when the run started, or nil.
    private let clock: Timestamp?
    /// The bytes of the current, incomplete line (only the first 160 are kept).
    private var partial: [UInt8]
    /// The number of bytes of the current line seen so far (may exceed 160).
    private var partialLength = 0
    /// The last byte of the current line, to name a CR before the LF.
    private var partialLast: UInt8 = 0
    /// The last trailer line seen, and its line number (0 when none yet).
    private var trailer: [UInt8]
    private var trailerLine = 0

    /// The width of every record, without its LF (SPEC section 1).
    public static let lineWidth = DetailLayout.width

    // MARK: - Init

    /// A checker for the file called `name`. `expectedContentBytes`, when known (the
    /// size of a plain file, an estimate for a gzip file), sizes the details buffer.
    /// With `clock` (the machine's when the run started), a header created more than
    /// one day after it fails: the switch's clock is wrong (SPEC section 1).
    public init(name: SwitchFileName, expectedContentBytes: Int = 0, clock: Timestamp? = nil) {
        self.name = name
        self.clock = clock
        partial = [UInt8](repeating: 0, count: Self.lineWidth)
        trailer = [UInt8](repeating: 0, count: Self.lineWidth)
        if expectedContentBytes > 0 {
            details.reserveCapacity(expectedContentBytes / (Self.lineWidth + 1) * Self.lineWidth)
        }
    }

    // MARK: - API

    /// Whether a check has failed.
    public var isFailed: Bool { failure != nil }

    /// Checks the next chunk of content.
    public mutating func feed(_ bytes: UnsafeRawBufferPointer) {
        guard failure == nil else { return }
        let width = Self.lineWidth
        let count = bytes.count
        var i = 0
        while i < count {
            if partialLength == 0 && count - i > width {
                // Fast path: a whole line inside the chunk, checked in place. Anything
                // unusual is left to the byte-by-byte path, which names the problem.
                if ASCII.isPrintable(UnsafeRawBufferPointer(rebasing: bytes[i..<(i + width)]))
                    && bytes[i + width] == ASCII.lineFeed {
                    lineCount += 1
                    accept(UnsafeRawBufferPointer(rebasing: bytes[i..<(i + width)]))
                    if failure != nil { return }
                    i += width + 1
                    continue
                }
            }
            let byte = bytes[i]
            i += 1
            if byte == ASCII.lineFeed {
                completeLine()
                if failure != nil { return }
                continue
            }
            partialLength += 1
            partialLast = byte
            if partialLength <= width {
                if !ASCII.isPrintable(byte) {
                    failure = "line \(lineCount + 1) column \(partialLength): byte \(Self.hex(byte)) outside 0x20-0x7E"
                    return
                }
                partial[partialLength - 1] = byte
            }
        }
    }

    /// Hands the detail records gathered since the last drain to `body`, with the
    /// position in the file (from 0) of the first, and forgets them: a streaming reader
    /// drains after every chunk, so a file is never held whole. The counts and sums
    /// the trailer is checked against go on covering every record.
    public mutating func drainDetails(_ body: (UnsafeRawBufferPointer, Int) throws(IOFailure) -> Void) throws(IOFailure) {
        guard !details.isEmpty else { return }
        let first = detailCount - details.count / Self.lineWidth
        var failure: IOFailure?
        details.withUnsafeBytes { bytes in
            do throws(IOFailure) { try body(bytes, first) } catch { failure = error }
        }
        details.removeAll(keepingCapacity: true)
        if let failure { throw failure }
    }

    /// The verdict on the whole content, once every chunk was fed.
    public func finish() -> SwitchFileCheck {
        if let failure { return .invalid(reason: failure) }
        let width = Self.lineWidth
        if partialLength > 0 {
            let line = lineCount + 1
            if partialLength == width { return .invalid(reason: "line \(line): no final LF") }
            return .invalid(reason: "line \(line): \(partialLength) bytes and no final LF, expected \(width) bytes and LF")
        }
        if lineCount == 0 { return .invalid(reason: "empty content: expected a header and a trailer") }
        if lineCount == 1 { return .invalid(reason: "only 1 line: expected a header and a trailer") }
        guard trailerLine == lineCount, let creation else {
            return .invalid(reason: "trailer missing or not last: line \(lineCount) is a detail record")
        }
        if let reason = trailerMismatch() { return .invalid(reason: reason) }
        return .valid(SwitchFileContent(creation: creation, switchID: name.switchID, sequence: name.sequence,
                                        details: details, detailCount: detailCount,
                                        durationSum: durationSum, volumeSum: volumeSum))
    }

    // MARK: - Private

    /// Ends the current line at its LF.
    private mutating func completeLine() {
        lineCount += 1
        let width = Self.lineWidth
        if partialLength != width {
            var reason = "line \(lineCount): \(partialLength) bytes, expected \(width)"
            if partialLength == width + 1 && partialLast == 0x0D { reason += " (CR before LF; lines end with LF only)" }
            failure = reason
            return
        }
        let line = partial
        line.withUnsafeBytes { accept($0) }
        partialLength = 0
    }

    /// Applies the record checks to complete line `lineCount` (160 printable bytes).
    private mutating func accept(_ line: UnsafeRawBufferPointer) {
        if lineCount == 1 {
            failure = headerRefusal(RecordView(line))
            return
        }
        if trailerLine != 0 {
            failure = "trailer missing or not last: line \(trailerLine) is a trailer and line \(lineCount) follows"
            return
        }
        switch line[0] {
        case DetailLayout.layout.code:
            details.append(contentsOf: line)
            detailCount += 1
            let view = RecordView(line)
            // SPEC section 1: a non-digit duration or volume counts 0 in the sums.
            durationSum += view.number(DetailLayout.duration) ?? 0
            volumeSum += view.number(DetailLayout.volume) ?? 0
        case TrailerLayout.layout.code:
            trailer.withUnsafeMutableBytes { $0.copyMemory(from: line) }
            trailerLine = lineCount
        default:
            failure = "line \(lineCount): record type '\(Self.character(line[0]))' between header and trailer, expected 'D'"
        }
    }

    /// Why line 1 is not the header the name calls for, or nil (SPEC section 1).
    private mutating func headerRefusal(_ header: RecordView) -> String? {
        if header.bytes[0] != HeaderLayout.layout.code {
            return "header missing or not first: line 1 has record type '\(Self.character(header.bytes[0]))'"
        }
        let switchField = header.text(HeaderLayout.switchID)
        if PackedText(switchField) != name.switchID {
            return "header switch '\(header.string(HeaderLayout.switchID))' does not match name switch '\(name.switchID)'"
        }
        if header.number(HeaderLayout.fileSeq) != name.sequence {
            return "header seq '\(Self.text(header[HeaderLayout.fileSeq]))' does not match name seq '\(Self.sixDigits(name.sequence))'"
        }
        guard let time = Timestamp(header[HeaderLayout.created]) else {
            return "header creation time '\(Self.text(header[HeaderLayout.created]))' invalid"
        }
        if !Self.isVersion1(header[HeaderLayout.version]) {
            return "header version '\(Self.text(header[HeaderLayout.version]))', expected 'CDR1'"
        }
        if let clock, time.epochSeconds - clock.epochSeconds > 86_400 {
            return "switch \(name.switchID) has a wrong clock: header creation time \(time.value) is more than one day"
                + " after this machine's clock \(clock.value) when the run started"
        }
        creation = time
        return nil
    }

    /// Why the trailer's totals differ from the details', or nil (SPEC section 1).
    private func trailerMismatch() -> String? {
        trailer.withUnsafeBytes { bytes -> String? in
            let view = RecordView(bytes)
            if view.number(TrailerLayout.count) != detailCount {
                return "trailer count '\(Self.text(view[TrailerLayout.count]))' does not match \(detailCount) detail records"
            }
            if view.number(TrailerLayout.durationSum) != durationSum {
                return "trailer duration sum '\(Self.text(view[TrailerLayout.durationSum]))' does not match \(durationSum)"
            }
            if view.number(TrailerLayout.volumeSum) != volumeSum {
                return "trailer volume sum '\(Self.text(view[TrailerLayout.volumeSum]))' does not match \(volumeSum)"
            }
            return nil
        }
    }

    /// Whether a version field is `CDR1`, the only format version (SPEC section 1).
    private static func isVersion1(_ field: UnsafeRawBufferPointer) -> Bool {
        let literal: StaticString = "CDR1"
        return ByteField.equal(field, UnsafeRawBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount))
    }

    private static func text(_ bytes: UnsafeRawBufferPointer) -> String { String(decoding: bytes, as: UTF8.self) }

    private static func character(_ byte: UInt8) -> Character { Character(Unicode.Scalar(byte)) }

    private static func hex(_ byte: UInt8) -> String {
        let digits = String(byte, radix: 16, uppercase: true)
        return byte < 16 ? "0x0" + digits : "0x" + digits
    }

    private static func sixDigits(_ value: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, 6 - digits.count)) + digits
    }
}
