extension RecordWriter {
    /// Appends one record of `layout` and its LF to `output`: the record starts as spaces
    /// with its type letter, `body` writes its fields. Every output formatter uses this,
    /// so the padding and the LF are decided in one place.
    @inline(__always)
    public static func append<R>(_ layout: RecordLayout, to output: inout [UInt8], _ body: (RecordWriter) -> R) -> R {
        let at = output.count, width = layout.width
        // Spaces filled in place, then the code and the LF: copying a blank line kept in
        // the layout retained its storage once a record, and with the layouts shared by
        // every worker those retains fight over one cache line (docs/performance.md,
        // eleventh round).
        output.append(contentsOf: repeatElement(ASCII.space, count: width + 1))
        return output.withUnsafeMutableBytes { all in
            all[at] = layout.code
            all[at + width] = ASCII.lineFeed
            return body(RecordWriter(UnsafeMutableRawBufferPointer(rebasing: all[at..<(at + width)])))
        }
    }
}
