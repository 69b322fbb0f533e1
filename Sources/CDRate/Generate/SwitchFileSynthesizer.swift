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
        RecordBytes.blank(record, offset: 0, width: 160)
        record[0] = UInt8(ascii: "H")
        RecordBytes.putText(record, offset: 1, width: 10, catalog.switches[file.switchIndex].idBytes)
        RecordBytes.putDigits(record, offset: 11, value: file.sequence, count: 6)
        RecordBytes.putDigits(record, offset: 17, value: file.creation, count: 14)
        RecordBytes.putText(record, offset: 31, width: 4, "CDR1")
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
            RecordBytes.putDigits(record, offset: 1, value: position + 1, count: 8)
            if kind == .brokenSequence { record[1] = UInt8(ascii: "A") }
            if kind == .plain {
                lastPlain.copyMemory(from: UnsafeRawBufferPointer(record))
                haveLastPlain = true
            }
            // Trailer sums: a field that is not all digits counts as 0 (SPEC section 1).
            durationSum += ByteField.digits(UnsafeRawBufferPointer(rebasing: record[103..<109])) ?? 0
            volumeSum += ByteField.digits(UnsafeRawBufferPointer(rebasing: record[109..<119])) ?? 0
            try commit()
        }
        precondition(random == file.randomCount && nextPlanted == plantedCount, "file plan and content disagree")

        // Trailer: count and sums.
        record = slot()
        RecordBytes.blank(record, offset: 0, width: 160)
        record[0] = UInt8(ascii: "T")
        RecordBytes.putDigits(record, offset: 1, value: total, count: 8)
        RecordBytes.putDigits(record, offset: 9, value: durationSum, count: 12)
        RecordBytes.putDigits(record, offset: 21, value: volumeSum, count: 14)
        try commit()
        if used > 0 { try gzip.write(UnsafeRawBufferPointer(rebasing: buffer[0..<(used * line)])) }
        try gzip.finish()
        return total
    }

    // MARK: - Private

    /// Formats a planted record.
    private func writePlanted(_ p: WorldPlantedRecord, into record: UnsafeMutableRawBufferPointer) {
        let sw = calls.catalog.switches[p.switchIndex]
        RecordBytes.blank(record, offset: 0, width: 160)
        record[0] = UInt8(ascii: "D")
        RecordBytes.putDigits(record, offset: 9, value: p.callType, count: 2)
        RecordBytes.putDigits(record, offset: 11, value: p.imsi, count: 15)
        RecordBytes.putDigits(record, offset: 26, value: p.msisdn, count: p.msisdnDigits)
        RecordBytes.putText(record, offset: 41, width: 24, Array(p.other.utf8))
        RecordBytes.putText(record, offset: 65, width: 24, Array(p.third.utf8))
        RecordBytes.putDigits(record, offset: 89, value: p.start, count: 14)
        RecordBytes.putDigits(record, offset: 103, value: p.duration, count: 6)
        RecordBytes.putDigits(record, offset: 109, value: p.volume, count: 10)
        RecordBytes.putText(record, offset: 119, width: 10, sw.idBytes)
        RecordBytes.putDigits(record, offset: 129, value: sw.lac, count: 5)
        RecordBytes.putDigits(record, offset: 134, value: p.cell, count: 5)
        if let imei = p.imei { RecordBytes.putDigits(record, offset: 139, value: imei, count: 15) }
        RecordBytes.putDigits(record, offset: 154, value: 0, count: 2)
    }
}
