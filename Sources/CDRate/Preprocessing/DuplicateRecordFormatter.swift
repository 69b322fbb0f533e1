/// Formats `U` duplicate records (SPEC section 8).
public enum DuplicateRecordFormatter {
    /// Appends a `U` record: this record's reference, the original's, and the raw detail.
    public static func append(_ this: SourceReference, original: DuplicateOrigin, raw: UnsafeRawBufferPointer,
                              to output: inout [UInt8]) {
        let L = DuplicateLayout.self
        let start = output.count
        output.append(contentsOf: repeatElement(ASCII.space, count: L.layout.width + 1))
        output.withUnsafeMutableBytes { buffer in
            let w = RecordWriter(UnsafeMutableRawBufferPointer(rebasing: buffer[start..<(start + L.layout.width)]))
            w.blank(L.layout)
            w.text(L.switchID, this.switchID)
            w.number(L.fileSeq, this.fileSeq)
            w.number(L.recordSeq, this.recordSeq)
            w.text(L.originalSwitchID, original.switchID)
            w.number(L.originalFileSeq, original.fileSeq)
            w.number(L.originalRecordSeq, original.recordSeq)
            w.raw(L.raw, raw)
            buffer[start + L.layout.width] = ASCII.lineFeed
        }
    }
}
