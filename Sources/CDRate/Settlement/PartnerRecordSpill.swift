/// The cycle's `V` records on their way to `ROAM_<PARTNER>.dat` (SPEC section 10),
/// spilled as sorted runs instead of held: each record is keyed by its partner, then
/// canonical order (section 5: IMSI, start, switch, file seq, record seq, as the bytes
/// of the fixed-width fields, which for the zero-padded sequence numbers is numeric
/// order), then reading order; `writeFiles` merges the runs and writes one file per
/// partner, in byte order of the partner, the same bytes as `PartnerSettlement`.
public final class PartnerRecordSpill {
    // MARK: - Stored properties

    /// Partner 17 (`PackedText`), IMSI 15, start 14, switch 10, file seq 6, record seq 8,
    /// reading order 8.
    public static let keyWidth = 78
    private static let recordSize = keyWidth + RoamerLayout.layout.width
    private let spill: SortedRunSpill
    private var entry: UnsafeMutableRawBufferPointer
    private var read = 0

    // MARK: - Init

    /// Spills to `path` in runs of about `runBytes`.
    public init(path: String, runBytes: Int) throws(IOFailure) {
        spill = try SortedRunSpill(path: path, keyWidth: Self.keyWidth, lineWidth: RoamerLayout.layout.width,
                                   limit: max(Self.recordSize, runBytes))
        entry = UnsafeMutableRawBufferPointer.allocate(byteCount: Self.recordSize, alignment: 8)
    }

    deinit { entry.deallocate() }

    // MARK: - API

    /// Adds one `V` record of the cycle (its width and letter already checked), in
    /// reading order.
    ///
    /// - Throws: `RecordRefusal` when its partner is blank or a summed field is not
    ///   digits; `IOFailure` when the spill cannot be written.
    public func add(_ line: UnsafeRawBufferPointer) throws {
        let partner = try PartnerSettlement.check(line).partner
        KeyBytes.put(partner, entry, 0)
        var at = 17
        for field in [RoamerLayout.imsi, RoamerLayout.start, RoamerLayout.switchID, RoamerLayout.fileSeq, RoamerLayout.recordSeq] {
            UnsafeMutableRawBufferPointer(rebasing: entry[at..<(at + field.width)])
                .copyMemory(from: UnsafeRawBufferPointer(rebasing: line[field.offset..<(field.offset + field.width)]))
            at += field.width
        }
        KeyBytes.put(UInt64(read), entry, at, width: 8)
        read += 1
        UnsafeMutableRawBufferPointer(rebasing: entry[Self.keyWidth...]).copyMemory(from: line)
        try spill.append(raw: UnsafeRawBufferPointer(entry))
    }

    /// Closes the spill and writes `ROAM_<PARTNER>.dat` of each partner into `directory`,
    /// in byte order of the partner; `beforeEach` is called with each file name before
    /// the file is begun (the fault points). Returns each file's totals and MANIFEST line.
    ///
    /// - Throws: `IOFailure` when a sum does not fit its field or a file cannot be written.
    public func writeFiles(into directory: String, ownOperator: PackedText, cycle: Int, billRun: BillRunID,
                           beforeEach: (String) -> Void) throws(IOFailure) -> [(totals: PartnerTotals, manifestLine: String)] {
        try spill.close()
        let merge = try SortedRunMerge(spill.runs, recordSize: Self.recordSize, keyWidth: Self.keyWidth)
        var result: [(totals: PartnerTotals, manifestLine: String)] = []
        var file: OutputFile?
        var partner = PackedText.empty
        var count = 0, duration = 0, volume = 0, charge = 0
        var line = RecordBuffer(name: "")
        func finishFile() throws(IOFailure) {
            guard let open = file else { return }
            let name = open.name
            line.removeAll()
            try line.append(RoamTrailerLayout.layout) { w throws(IOFailure) in
                try w.checkedNumber(RoamTrailerLayout.records, count, in: name)
                try w.checkedNumber(RoamTrailerLayout.durationSum, duration, in: name)
                try w.checkedNumber(RoamTrailerLayout.volumeSum, volume, in: name)
                try w.checkedNumber(RoamTrailerLayout.chargeSum, charge, in: name)
            }
            try append(line, to: open)
            let manifestLine = try open.finish()
            result.append((PartnerTotals(partner: partner, records: count, durationSum: duration, volumeSum: volume,
                                         chargeSum: charge), manifestLine))
            file = nil
        }
        while let record = try merge.next() {
            let recordPartner = PackedText(RecordView(UnsafeRawBufferPointer(rebasing: record[Self.keyWidth...]))
                .text(RoamerLayout.partner))
            if file == nil || recordPartner != partner {
                try finishFile()
                partner = recordPartner
                count = 0
                duration = 0
                volume = 0
                charge = 0
                let name = "ROAM_\(partner).dat"
                beforeEach(name)
                let open = try OutputFile(directory: directory, name: name)
                file = open
                line.removeAll()
                try line.append(RoamHeaderLayout.layout) { w throws(IOFailure) in
                    w.text(RoamHeaderLayout.ownOperator, ownOperator)
                    w.text(RoamHeaderLayout.partner, partner)
                    w.textNumber(RoamHeaderLayout.cycle, cycle, digits: 6)
                    w.text(RoamHeaderLayout.billRun, billRun.text)
                }
                try append(line, to: open)
            }
            let v = RecordView(UnsafeRawBufferPointer(rebasing: record[Self.keyWidth...]))
            count += 1
            duration = duration.addingSaturated(v.number(RoamerLayout.duration) ?? 0)
            volume = volume.addingSaturated(v.number(RoamerLayout.volume) ?? 0)
            charge = charge.addingSaturated(v.number(RoamerLayout.charge) ?? 0)
            line.removeAll()
            line.append(raw: UnsafeRawBufferPointer(rebasing: record[Self.keyWidth...]))
            try append(line, to: file!)
        }
        try finishFile()
        return result
    }

    /// The spill file's path.
    public var path: String { spill.path }

    // MARK: - Private

    private func append(_ buffer: RecordBuffer, to file: OutputFile) throws(IOFailure) {
        buffer.bytes.withUnsafeBytes { file.append(lines: $0, count: buffer.records) }
    }
}
