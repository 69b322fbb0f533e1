/// Fixed-width output lines produced already in their output order (canonical order,
/// within a sub-batch of IMSIs): only counted, since nothing sorts or merges them.
public struct OrderedLines: Sendable {
    /// The lines, each `width` bytes including its LF, back to back.
    public var bytes: [UInt8] = []
    /// The number of lines.
    public private(set) var count = 0
    /// The width of a line including its LF.
    public let width: Int

    /// No lines of `width` bytes (LF included).
    public init(width: Int) { self.width = width }

    /// Counts the `lines` lines just appended to `bytes`.
    @inline(__always)
    public mutating func appended(_ lines: Int = 1) {
        count += lines
    }
}
