extension RecordWriter {
    /// Appends one record of `layout` and its LF to `output`: the record starts as spaces
    /// with its type letter, `body` writes its fields. Every output formatter uses this,
    /// so the padding and the LF are decided in one place.
    @inline(__always)
    public static func append<R>(_ layout: RecordLayout, to output: inout [UInt8], _ body: (RecordWriter) -> R) -> R {
        let at = output.count
        output.append(contentsOf: repeatElement(ASCII.space, count: layout.width + 1))
        return output.withUnsafeMutableBytes { all in
            let w = RecordWriter(UnsafeMutableRawBufferPointer(rebasing: all[at..<(at + layout.width)]))
            w.blank(layout)
            let result = body(w)
            all[at + layout.width] = ASCII.lineFeed
            return result
        }
    }
}
