/// Formats `X` reject records (SPEC sections 8 and 9).
public enum RejectRecordFormatter {
    /// Appends an `X` record and its LF to `output`.
    ///
    /// - Parameters:
    ///   - raw: the 160 raw bytes of the detail; the record seq field is copied from it.
    ///   - firstRun: the run that first rejected it; `lastRun` the run of this attempt.
    public static func append(reason: RejectReason, attempts: Int, switchID: PackedText, fileSeq: Int,
                              firstRun: RunID, lastRun: RunID, raw: UnsafeRawBufferPointer,
                              to output: inout [UInt8]) {
        let L = RejectLayout.self
        RecordWriter.append(L.layout, to: &output) { w in
            w.text(L.reason, reason.code)
            w.number(L.attempts, min(attempts, 99))
            w.text(L.switchID, switchID)
            w.number(L.fileSeq, fileSeq)
            w.raw(L.recordSeq, RecordView(raw)[DetailLayout.recordSeq])
            w.text(L.firstRun, firstRun.text)
            w.text(L.lastRun, lastRun.text)
            w.raw(L.raw, raw)
        }
    }
}
