/// Formats `U` duplicate records (SPEC section 8).
public enum DuplicateRecordFormatter {
    /// Appends a `U` record: this record's reference, the original's, and the raw detail.
    public static func append(_ this: SourceReference, original: DuplicateOrigin, raw: UnsafeRawBufferPointer,
                              to output: inout [UInt8]) {
        let L = DuplicateLayout.self
        RecordWriter.append(L.layout, to: &output) { w in
            w.text(L.switchID, this.switchID)
            w.number(L.fileSeq, this.fileSeq)
            w.number(L.recordSeq, this.recordSeq)
            w.text(L.originalSwitchID, original.switchID)
            w.number(L.originalFileSeq, original.fileSeq)
            w.number(L.originalRecordSeq, original.recordSeq)
            w.raw(L.raw, raw)
        }
    }
}
