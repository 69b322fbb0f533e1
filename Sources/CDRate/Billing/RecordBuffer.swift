/// The bytes of an output file of fixed-width records being built in memory, one
/// record (and its LF) at a time, with the count of records written.
public struct RecordBuffer: Sendable {
    /// The file's bytes so far.
    public private(set) var bytes: [UInt8] = []
    /// The number of records appended, which the bill run reports.
    public private(set) var records = 0
    /// The file name, for messages.
    public let name: String

    /// An empty file called `name`.
    public init(name: String) { self.name = name }

    /// Appends one record of `layout`: blank (spaces and the type letter), then filled by `body`.
    public mutating func append(_ layout: RecordLayout, _ body: (RecordWriter) throws(IOFailure) -> Void) throws(IOFailure) {
        let start = bytes.count
        bytes.append(contentsOf: repeatElement(ASCII.space, count: layout.width))
        bytes.append(ASCII.lineFeed)
        records += 1
        var failure: IOFailure?
        bytes.withUnsafeMutableBytes { raw in
            let writer = RecordWriter(UnsafeMutableRawBufferPointer(rebasing: raw[start..<(start + layout.width)]))
            writer.blank(layout)
            do throws(IOFailure) { try body(writer) } catch { failure = error }
        }
        if let failure { throw failure }
    }

    /// Empties the buffer, keeping its storage for the next records.
    public mutating func removeAll() {
        bytes.removeAll(keepingCapacity: true)
        records = 0
    }

    /// Appends a record copied as it is (without its LF), adding the LF.
    public mutating func append(raw line: UnsafeRawBufferPointer) {
        bytes.append(contentsOf: line)
        bytes.append(ASCII.lineFeed)
        records += 1
    }
}
