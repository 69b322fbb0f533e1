/// The lines of a file's bytes, for readers of the fixed-width outputs.
public enum ByteLines {
    /// Calls `body` with each line of `bytes` that ends in LF, without its LF.
    public static func forEach(_ bytes: [UInt8], _ body: (UnsafeRawBufferPointer) -> Void) {
        bytes.withUnsafeBytes { all in
            var start = 0
            for i in 0..<all.count where all[i] == ASCII.lineFeed {
                body(UnsafeRawBufferPointer(rebasing: all[start..<i]))
                start = i + 1
            }
        }
    }
}
