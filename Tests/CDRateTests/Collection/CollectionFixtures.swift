import CZlib
import Foundation
@testable import CDRate

/// Builds switch files for the collection tests: H/D/T lines formatted with the
/// layouts, and gzip members written with zlib.
enum CollectionFixtures {
    /// One detail's varying fields; the rest are fixed plausible values.
    struct Detail {
        var callType = "01"
        var duration = "000060"
        var volume = "0000000000"
    }

    /// A header line (160 bytes and LF).
    static func header(switchID: String = "BJMSC01", seq: String = "000002",
                       created: String = "20261005030000", version: String = "CDR1") -> [UInt8] {
        line(HeaderLayout.layout) { w in
            put(w, HeaderLayout.switchID, switchID)
            put(w, HeaderLayout.fileSeq, seq)
            put(w, HeaderLayout.created, created)
            put(w, HeaderLayout.version, version)
        }
    }

    /// A detail line (160 bytes and LF) with record sequence `seq`.
    static func detail(seq: Int, _ detail: Detail = Detail()) -> [UInt8] {
        line(DetailLayout.layout) { w in
            w.number(DetailLayout.recordSeq, seq)
            put(w, DetailLayout.callType, detail.callType)
            put(w, DetailLayout.imsi, "460011234567890")
            put(w, DetailLayout.msisdn, "8613012345678")
            put(w, DetailLayout.otherParty, "01062345678")
            put(w, DetailLayout.start, "20261005080000")
            put(w, DetailLayout.duration, detail.duration)
            put(w, DetailLayout.volume, detail.volume)
            put(w, DetailLayout.msc, "BJMSC01")
            w.number(DetailLayout.lac, 4101)
            w.number(DetailLayout.cell, 1)
            put(w, DetailLayout.cause, "00")
        }
    }

    /// A trailer line (160 bytes and LF) with the given raw field texts.
    static func trailer(count: String, durationSum: String, volumeSum: String) -> [UInt8] {
        line(TrailerLayout.layout) { w in
            put(w, TrailerLayout.count, count)
            put(w, TrailerLayout.durationSum, durationSum)
            put(w, TrailerLayout.volumeSum, volumeSum)
        }
    }

    /// The three details of the good file: durations 60 + 125 + 300 = 485,
    /// volumes 0 + 0 + 2048 = 2048.
    static let goodDetails: [Detail] = [
        Detail(callType: "01", duration: "000060", volume: "0000000000"),
        Detail(callType: "02", duration: "000125", volume: "0000000000"),
        Detail(callType: "06", duration: "000300", volume: "0000002048"),
    ]

    /// The good trailer of `goodDetails`.
    static let goodTrailer = trailer(count: "00000003", durationSum: "000000000485", volumeSum: "00000000002048")

    /// A good file of `BJMSC01_20261005_000002.cdr`: header, three details, trailer.
    static func goodFile() -> [UInt8] {
        header() + goodDetails.enumerated().flatMap { detail(seq: $0.offset + 1, $0.element) } + goodTrailer
    }

    /// The details of `goodFile()`, 160 bytes each without LF.
    static func goodDetailBytes() -> [UInt8] {
        goodDetails.enumerated().flatMap { detail(seq: $0.offset + 1, $0.element).dropLast() }
    }

    /// `content` as one gzip member (level 6, windowBits 31 = gzip wrapper).
    static func gzip(_ content: [UInt8]) -> [UInt8] {
        var stream = z_stream()
        precondition(cdrate_deflateInit2(&stream, 6, 31) == Z_OK)
        defer { deflateEnd(&stream) }
        var input = content
        var output = [UInt8](repeating: 0, count: Int(deflateBound(&stream, uLong(content.count))) + 64)
        let status = input.withUnsafeMutableBufferPointer { source in
            output.withUnsafeMutableBufferPointer { target in
                stream.next_in = source.baseAddress
                stream.avail_in = uInt(source.count)
                stream.next_out = target.baseAddress
                stream.avail_out = uInt(target.count)
                return deflate(&stream, Z_FINISH)
            }
        }
        precondition(status == Z_STREAM_END)
        return Array(output[0..<Int(stream.total_out)])
    }

    /// A parsed name (must be valid).
    static func name(_ text: String) -> SwitchFileName {
        SwitchFileName.parse(text)!
    }

    /// The ASCII bytes of `text`.
    static func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }

    /// Writes `text` left-aligned and space-padded into `field`.
    private static func put(_ writer: RecordWriter, _ field: Field, _ text: String) {
        var copy = text
        copy.withUTF8 { writer.text(field, UnsafeRawBufferPointer($0)) }
    }

    private static func line(_ layout: RecordLayout, _ fill: (RecordWriter) -> Void) -> [UInt8] {
        var record = [UInt8](repeating: 0, count: layout.width)
        record.withUnsafeMutableBytes { raw in
            let writer = RecordWriter(raw)
            writer.blank(layout)
            fill(writer)
        }
        return record + [ASCII.lineFeed]
    }
}
