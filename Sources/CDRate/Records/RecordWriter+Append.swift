extension RecordWriter {
    /// Appends one record of `layout` and its LF to `output`: the record starts as spaces
    /// with its type letter, `body` writes its fields. Every output formatter uses this,
    /// so the padding and the LF are decided in one place.
    @inline(__always)
    public static func append<R>(_ layout: RecordLayout, to output: inout [UInt8], _ body: (RecordWriter) -> R) -> R {
        let at = output.count
        // One copy of the blank line (code, spaces, LF) rather than a byte at a time.
        output.append(contentsOf: layout.blankLine)
        return output.withUnsafeMutableBytes { all in
            body(RecordWriter(UnsafeMutableRawBufferPointer(rebasing: all[at..<(at + layout.width)])))
        }
    }
}
