import CZlib

/// A streaming gzip decoder (RFC 1952) fed raw bytes in chunks of any size, that hands
/// the inflated bytes to a sink in chunks of at most `outputChunkSize` bytes.
///
/// It enforces the gzip rule of SPEC section 1: the input must consist entirely of one
/// or more complete gzip members, each with a matching CRC-32 and ISIZE. An empty
/// input, a bad header, a corrupt or truncated member and trailing bytes of any value
/// after the last member (zero bytes included, which `gzip -d` would ignore) are
/// failures.
///
/// zlib parses the gzip framing, but the CRC-32 and ISIZE of a member are checked here,
/// against the trailer zlib has just read, with `CRC32` (on the CPU's carry-less
/// multiply, about a seventh of the instructions of zlib's own check): zlib's checks
/// are turned off (`inflateValidate`). Only a member whose header has its own CRC
/// (FHCRC, rare) is left to zlib whole, since its header CRC is computed from the
/// start. The checks and their messages are zlib's ("incorrect data check", "incorrect
/// length check"), made at the end of the member, so whatever the CPU the same file
/// fails the same way; a member cut short inside its ISIZE is truncated, whatever its
/// CRC-32.
///
/// Against gzip bombs, the total inflated size is limited to `maxInflatedBytes`: a
/// file that inflates to more fails, however well-formed it is.
///
/// Use: call `feed(_:into:)` for every chunk of the file in order, then `finish()`.
/// After a failure, or after the sink asked to stop, further input is ignored.
public final class GzipInflater {
    // MARK: - Stored properties

    /// The largest total inflated size accepted.
    public let maxInflatedBytes: Int
    /// The size of the output chunks handed to the sink.
    public let outputChunkSize: Int
    /// The raw bytes consumed so far.
    public private(set) var rawBytes = 0
    /// The inflated bytes produced so far.
    public private(set) var inflatedBytes = 0
    /// The number of gzip members completed so far.
    public private(set) var completedMembers = 0
    /// The failure met so far, if any; once set, input is ignored.
    public private(set) var failure: GzipFailure?

    // The z_stream must not move once initialized (zlib keeps a pointer back to it).
    private let stream: UnsafeMutablePointer<z_stream>
    private let output: UnsafeMutableRawPointer
    private var initialized = false
    private var stopped = false
    /// Raw offset of the current member's first byte.
    private var memberStart = 0
    /// How many of the current member's two magic bytes (0x1F 0x8B) were checked;
    /// only checked for members after the first, to tell trailing garbage from a
    /// bad header.
    private var magicChecked = 0
    /// Whether the current member's FLG byte was read (and its checks assigned).
    private var flagsRead = false
    /// Whether this decoder checks the current member's CRC-32 and ISIZE (zlib does
    /// for a member with a header CRC).
    private var checksMember = true
    /// The CRC-32 and size of the current member's content so far.
    private var memberCRC: UInt32 = 0
    private var memberSize = 0
    /// The last eight raw bytes consumed, oldest in the low byte: at the end of a
    /// member, its trailer.
    private var lastEight: UInt64 = 0

    // MARK: - Init

    /// A decoder for one file. `maxInflatedBytes` bounds the total inflated size
    /// (default 4 GiB); `outputChunkSize` bounds the chunks given to the sink.
    public init(maxInflatedBytes: Int = 4 << 30, outputChunkSize: Int = 256 << 10) {
        self.maxInflatedBytes = maxInflatedBytes
        self.outputChunkSize = max(outputChunkSize, 1)
        stream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
        stream.initialize(to: z_stream())
        output = UnsafeMutableRawPointer.allocate(byteCount: self.outputChunkSize, alignment: 16)
        // 16 + MAX_WBITS: gzip wrapper only, so a zlib or raw stream is a bad header.
        let status = cdrate_inflateInit2(stream, 16 + MAX_WBITS)
        if status == Z_OK {
            initialized = true
            inflateValidate(stream, 0)
        } else {
            failure = GzipFailure(reason: "unreadable gzip: zlib could not start (\(Self.describe(status)))")
        }
    }

    deinit {
        if initialized { inflateEnd(stream) }
        stream.deinitialize(count: 1)
        stream.deallocate()
        output.deallocate()
    }

    // MARK: - API

    /// Inflates the next raw chunk, handing every inflated chunk to `sink` in order.
    /// The sink returns false to stop the decoding (for instance when the content is
    /// already known bad); the rest of the input is then ignored without failure.
    /// Throws the first gzip failure; later calls throw it again.
    public func feed(_ bytes: UnsafeRawBufferPointer,
                     into sink: (UnsafeRawBufferPointer) -> Bool) throws(GzipFailure) {
        if let failure { throw failure }
        if stopped || bytes.isEmpty { return }
        var input = bytes
        while !input.isEmpty {
            // A member after the first must start with the gzip magic, or what follows
            // the last member is trailing garbage, not a bad member.
            if completedMembers > 0 && magicChecked < 2 {
                var i = 0
                while magicChecked < 2 && i < input.count {
                    if input[i] != (magicChecked == 0 ? 0x1F : 0x8B) {
                        throw fail("unreadable gzip: trailing garbage at byte \(memberStart)")
                    }
                    magicChecked += 1
                    i += 1
                }
            }
            let consumed = try inflateStep(input, sink)
            input = UnsafeRawBufferPointer(rebasing: input[consumed...])
            if stopped { return }
        }
    }

    /// Ends the input: throws when it was empty or its last member is incomplete.
    public func finish() throws(GzipFailure) {
        if let failure { throw failure }
        if stopped { return }
        if rawBytes == 0 { throw fail("unreadable gzip: empty file") }
        if rawBytes > memberStart {
            if completedMembers > 0 && magicChecked < 2 {
                throw fail("unreadable gzip: trailing garbage at byte \(memberStart)")
            }
            throw fail("unreadable gzip: member \(completedMembers + 1) at byte \(memberStart) truncated")
        }
    }

    // MARK: - Private

    /// Runs zlib over `input` until it is consumed, a member ends, or the sink stops;
    /// returns the number of raw bytes consumed.
    private func inflateStep(_ input: UnsafeRawBufferPointer,
                             _ sink: (UnsafeRawBufferPointer) -> Bool) throws(GzipFailure) -> Int {
        let base = UnsafeMutablePointer(mutating: input.baseAddress!.assumingMemoryBound(to: Bytef.self))
        stream.pointee.next_in = base
        stream.pointee.avail_in = uInt(input.count)
        defer {
            stream.pointee.next_in = nil
            stream.pointee.avail_in = 0
        }
        while true {
            if !flagsRead { readFlags() }
            stream.pointee.next_out = output.assumingMemoryBound(to: Bytef.self)
            stream.pointee.avail_out = uInt(outputChunkSize)
            let before = Int(stream.pointee.avail_in)
            let status = inflate(stream, Z_NO_FLUSH)
            let consumedNow = before - Int(stream.pointee.avail_in)
            rawBytes += consumedNow
            keepLastEight(consumedNow)
            let produced = outputChunkSize - Int(stream.pointee.avail_out)
            let consumed = input.count - Int(stream.pointee.avail_in)

            if produced > 0 {
                if inflatedBytes + produced > maxInflatedBytes {
                    throw fail("unreadable gzip: member \(completedMembers + 1) at byte \(memberStart) inflates beyond "
                        + "the limit of \(maxInflatedBytes) bytes (protection against gzip bombs)")
                }
                inflatedBytes += produced
                if checksMember {
                    memberCRC = CRC32.update(memberCRC, UnsafeRawBufferPointer(start: output, count: produced))
                    memberSize += produced
                }
                if !sink(UnsafeRawBufferPointer(start: output, count: produced)) {
                    stopped = true
                    return consumed
                }
            }

            switch status {
            case Z_STREAM_END:
                // zlib has read the trailer, the last eight bytes consumed (and checked
                // it if the header had a CRC); the next byte, if any, must start
                // another member.
                if checksMember {
                    if UInt32(truncatingIfNeeded: lastEight) != memberCRC {
                        throw fail("unreadable gzip: member \(completedMembers + 1) at byte \(memberStart): incorrect data check")
                    }
                    if UInt32(truncatingIfNeeded: lastEight >> 32) != UInt32(truncatingIfNeeded: memberSize) {
                        throw fail("unreadable gzip: member \(completedMembers + 1) at byte \(memberStart): incorrect length check")
                    }
                }
                completedMembers += 1
                memberStart = rawBytes
                magicChecked = 0
                flagsRead = false
                memberCRC = 0
                memberSize = 0
                let reset = inflateReset(stream)
                if reset != Z_OK { throw fail("unreadable gzip: zlib could not reset (\(Self.describe(reset)))") }
                return consumed
            case Z_OK:
                // More output may be pending when the buffer filled up; otherwise zlib
                // wants more input.
                if stream.pointee.avail_out == 0 { continue }
                if stream.pointee.avail_in == 0 { return consumed }
            case Z_BUF_ERROR:
                // No progress possible: all input consumed, and no output pending.
                if stream.pointee.avail_in == 0 { return consumed }
                throw fail("unreadable gzip: member \(completedMembers + 1) at byte \(memberStart): zlib made no progress")
            default:
                let message = stream.pointee.msg.map { String(cString: $0) } ?? Self.describe(status)
                throw fail("unreadable gzip: member \(completedMembers + 1) at byte \(memberStart): \(message)")
            }
        }
    }

    /// Reads the current member's FLG byte (its fourth) once it is in the input and
    /// before zlib has: a member with a header CRC is checked by zlib, whose header CRC
    /// covers the header from its start; any other by this decoder.
    private func readFlags() {
        let flagsAt = memberStart + 3 - rawBytes
        guard flagsAt < Int(stream.pointee.avail_in), let next = stream.pointee.next_in else { return }
        guard flagsAt >= 0 else {
            // Not reachable (the byte is read before zlib consumes it); were it missed,
            // zlib's checks would stay as they are.
            flagsRead = true
            return
        }
        flagsRead = true
        checksMember = next[flagsAt] & 0x02 == 0
        inflateValidate(stream, checksMember ? 0 : 1)
    }

    /// Keeps the last eight raw bytes consumed after `count` more were.
    private func keepLastEight(_ count: Int) {
        guard count > 0, let end = stream.pointee.next_in else { return }
        let bytes = UnsafeRawPointer(end)
        if count >= 8 {
            lastEight = UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: -8, as: UInt64.self))
            return
        }
        for i in (1...count).reversed() { lastEight = lastEight >> 8 | UInt64(bytes.load(fromByteOffset: -i, as: UInt8.self)) << 56 }
    }

    private func fail(_ reason: String) -> GzipFailure {
        let failure = GzipFailure(reason: reason)
        self.failure = failure
        return failure
    }

    private static func describe(_ status: Int32) -> String {
        switch status {
        case Z_DATA_ERROR: return "corrupt data"
        case Z_MEM_ERROR: return "out of memory"
        case Z_NEED_DICT: return "needs a preset dictionary"
        case Z_STREAM_ERROR: return "stream error"
        case Z_VERSION_ERROR: return "incompatible zlib version"
        default: return "zlib status \(status)"
        }
    }
}
