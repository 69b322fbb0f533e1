/// The reject store (SPEC section 9): every pending reject as an `X` line, kept in the
/// work area's state until a reprocess rates it. Operators correct a raw record with
/// `cdrate rejects --fix`; editing the file by hand is unsupported,
/// but a line that is no longer a valid `X` line is still reported with its line
/// number and left alone (kept, never selected).
public struct RejectStore: Sendable {
    /// A line of the store.
    public struct Line: Sendable {
        /// The line's bytes without LF.
        public var bytes: [UInt8]
        /// Why the line is not a valid `X` line, or nil.
        public var problem: String?
    }

    /// The lines in store order.
    public private(set) var lines: [Line] = []

    /// An empty store.
    public init() {}

    /// Parses the store file.
    public init(parsing bytes: [UInt8]) {
        var start = 0
        for (i, b) in bytes.enumerated() where b == ASCII.lineFeed {
            let line = Array(bytes[start..<i])
            start = i + 1
            lines.append(Line(bytes: line, problem: RejectStore.problem(of: line)))
        }
        if start < bytes.count {
            let line = Array(bytes[start...])
            lines.append(Line(bytes: line, problem: RejectStore.problem(of: line)))
        }
    }

    /// Why `line` is not a valid `X` line, or nil.
    public static func problem(of line: [UInt8]) -> String? {
        line.withUnsafeBytes { b -> String? in
            if let r = RejectLayout.layout.refusal(of: b) { return r }
            let x = RecordView(b)
            if RejectReason(code: x.string(RejectLayout.reason)) == nil { return "unknown reason '\(x.string(RejectLayout.reason))'" }
            guard let a = x.number(RejectLayout.attempts), a >= 1 else { return "attempts is not 01-99" }
            if PackedText.fits(x.text(RejectLayout.switchID)) == false || x.text(RejectLayout.switchID).isEmpty { return "switch is blank" }
            if x.number(RejectLayout.fileSeq) == nil { return "file seq is not 6 digits" }
            if RunID(text: x.string(RejectLayout.firstRun)) == nil { return "first run is not a run id" }
            if RunID(text: x.string(RejectLayout.lastRun)) == nil { return "last run is not a run id" }
            if x[RejectLayout.raw][0] != UInt8(ascii: "D") { return "the raw record does not start with D" }
            return nil
        }
    }

    /// Appends `X` lines (each 206 bytes + LF) to the store.
    public mutating func append(xLines bytes: [UInt8]) {
        let width = RejectLayout.layout.width + 1
        var i = 0
        while i + width <= bytes.count {
            lines.append(Line(bytes: Array(bytes[i..<(i + width - 1)]), problem: nil))
            i += width
        }
    }

    /// The indices of the valid lines whose key is `key`.
    public func indices(of key: RejectKey) -> [Int] {
        lines.indices.filter { i in
            lines[i].problem == nil && lines[i].bytes.withUnsafeBytes { RejectKey(RecordView($0)) == key }
        }
    }

    /// Replaces the line at `index` with the valid `X` line `bytes`.
    public mutating func replace(at index: Int, with bytes: [UInt8]) {
        precondition(RejectStore.problem(of: bytes) == nil)
        lines[index] = Line(bytes: bytes, problem: nil)
    }

    /// Removes the lines at `indices`.
    public mutating func remove(at indices: Set<Int>) {
        lines = lines.enumerated().filter { !indices.contains($0.offset) }.map(\.element)
    }

    /// The store file's bytes.
    public func serialized() -> [UInt8] {
        var out = [UInt8]()
        for l in lines {
            out += l.bytes
            out.append(ASCII.lineFeed)
        }
        return out
    }

    /// The number of valid pending rejects.
    public var pendingCount: Int { lines.filter { $0.problem == nil }.count }
}

extension PackedText {
    /// Whether `bytes` fits a packed text.
    static func fits(_ bytes: UnsafeRawBufferPointer) -> Bool { bytes.count <= 16 }
}
