import CDRate
/// Writes one generated switch file (SPEC section 1): the header, the detail records
/// (random ones from `CallSynthesizer`, planted ones at evenly spread positions) and a
/// trailer whose count and sums match the details, streamed through gzip in chunks.
struct SwitchFileSynthesizer: Sendable {
    // MARK: - Stored properties

    /// The record generator of the world.
    let calls: CallSynthesizer
    /// Records formatted before each hand-over to zlib.
    let chunkRecords: Int

    // MARK: - Init

    /// A writer over `calls`.
    init(calls: CallSynthesizer, chunkRecords: Int = 2048) {
        self.calls = calls
        self.chunkRecords = chunkRecords
    }

    // MARK: - API

    /// Writes file `index` of the world into the folder `inbox`; returns its detail count.
    func write(fileIndex index: Int, inbox: String, level: Int32) throws -> Int {
        let file = calls.files[index]
        let catalog = calls.catalog
        let gzip = try GzipWriter(path: inbox + "/" + file.name(catalog), level: level)
        let line = 161
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: line * chunkRecords, alignment: 16)
        defer { buffer.deallocate() }
        let lastPlain = UnsafeMutableRawBufferPointer.allocate(byteCount: 160, alignment: 16)
        defer { lastPlain.deallocate() }
        var haveLastPlain = false
        var used = 0

        func slot() -> UnsafeMutableRawBufferPointer {
            UnsafeMutableRawBufferPointer(rebasing: buffer[(used * line)..<(used * line + 160)])
        }
        func commit() throws {
            buffer[used * line + 160] = ASCII.lineFeed
            used += 1
            if used == chunkRecords {
                try gzip.write(UnsafeRawBufferPointer(rebasing: buffer[0..<(used * line)]))
                used = 0
            }
        }

        // Header: switch, sequence, creation time, version.
        var record = slot()
        RecordWriter(record).blank(HeaderLayout.layout)
        RecordBytes.putText(record, HeaderLayout.switchID, catalog.switches[file.switchIndex].idBytes)
        RecordBytes.putDigits(record, HeaderLayout.fileSeq, value: file.sequence)
        RecordBytes.putDigits(record, HeaderLayout.created, value: file.creation)
        RecordBytes.putText(record, HeaderLayout.version, "CDR1")
        try commit()

        let total = file.recordCount
        let plantedCount = file.planted.count
        var nextPlanted = 0
        var random = 0
        var durationSum = 0, volumeSum = 0
        for position in 0..<total {
            record = slot()
            var kind = RandomRecordKind.plain
            if nextPlanted < plantedCount && position == (nextPlanted + 1) * total / (plantedCount + 1) {
                writePlanted(file.planted[nextPlanted], into: record)
                nextPlanted += 1
                kind = .broken   // planted records are not copied as duplicates
            } else {
                kind = calls.writeRandom(file.randomOffset + random, file: file, into: record,
                                         lastPlain: haveLastPlain ? UnsafeRawBufferPointer(lastPlain) : nil)
                random += 1
            }
            RecordBytes.putDigits(record, DetailLayout.recordSeq, value: position + 1)
            if kind == .brokenSequence { record[DetailLayout.recordSeq.offset] = UInt8(ascii: "A") }
            if kind == .plain {
                lastPlain.copyMemory(from: UnsafeRawBufferPointer(record))
                haveLastPlain = true
            }
            // Trailer sums: a field that is not all digits counts as 0 (SPEC section 1).
            durationSum += ByteField.digits(UnsafeRawBufferPointer(rebasing: record[DetailLayout.duration.range])) ?? 0
            volumeSum += ByteField.digits(UnsafeRawBufferPointer(rebasing: record[DetailLayout.volume.range])) ?? 0
            try commit()
        }
        precondition(random == file.randomCount && nextPlanted == plantedCount, "file plan and content disagree")

        // Trailer: count and sums.
        record = slot()
        RecordWriter(record).blank(TrailerLayout.layout)
        RecordBytes.putDigits(record, TrailerLayout.count, value: total)
        RecordBytes.putDigits(record, TrailerLayout.durationSum, value: durationSum)
        RecordBytes.putDigits(record, TrailerLayout.volumeSum, value: volumeSum)
        try commit()
        if used > 0 { try gzip.write(UnsafeRawBufferPointer(rebasing: buffer[0..<(used * line)])) }
        try gzip.finish()
        return total
    }

    // MARK: - Private

    /// Formats a planted record.
    private func writePlanted(_ p: WorldPlantedRecord, into record: UnsafeMutableRawBufferPointer) {
        let sw = calls.catalog.switches[p.switchIndex]
        RecordWriter(record).blank(DetailLayout.layout)
        RecordBytes.putDigits(record, DetailLayout.callType, value: p.callType)
        RecordBytes.putDigits(record, DetailLayout.imsi, value: p.imsi)
        RecordBytes.putLeadingDigits(record, DetailLayout.msisdn, value: p.msisdn, count: p.msisdnDigits)
        RecordBytes.putText(record, DetailLayout.otherParty, Array(p.other.utf8))
        RecordBytes.putText(record, DetailLayout.thirdParty, Array(p.third.utf8))
        RecordBytes.putDigits(record, DetailLayout.start, value: p.start)
        RecordBytes.putDigits(record, DetailLayout.duration, value: p.duration)
        RecordBytes.putDigits(record, DetailLayout.volume, value: p.volume)
        RecordBytes.putText(record, DetailLayout.msc, sw.idBytes)
        RecordBytes.putDigits(record, DetailLayout.lac, value: sw.lac)
        RecordBytes.putDigits(record, DetailLayout.cell, value: p.cell)
        if let imei = p.imei { RecordBytes.putDigits(record, DetailLayout.imei, value: imei) }
        RecordBytes.putDigits(record, DetailLayout.cause, value: 0)
    }
}
