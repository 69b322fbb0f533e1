/// Formats the `R` record of a rated own-subscriber call (SPEC section 8) from the
/// prepared, discounted record, without allocating.
public struct RatedRecordFormatter: Sendable {
    // Only the tables it reads, not the whole reference data, which would otherwise be
    // copied, and its storage retained, on every record (docs/performance.md, sixth round).
    private let subscribers: SubscriberTable
    private let areas: AreaTable

    /// A formatter over the run's reference data.
    public init(reference: ReferenceData) {
        subscribers = reference.subscribers
        areas = reference.areas
    }

    /// Appends the 300-byte record and its LF to `output`; returns the net.
    ///
    /// - Parameter raw: the 160 raw bytes of the detail (the MSISDN is copied from it).
    @inline(__always)
    @discardableResult
    public func append(_ r: PreparedRecord, flags: DiscountFlags, raw: UnsafeRawBufferPointer,
                       to output: inout [UInt8]) -> Int {
        let L = RatedLayout.self
        return RecordWriter.append(L.layout, to: &output) { w -> Int in
            let d = RecordView(raw)
            w.text(L.switchID, r.source.switchID)
            w.number(L.fileSeq, r.source.fileSeq)
            w.number(L.recordSeq, r.source.recordSeq)
            // Call type, IMSI and MSISDN are adjacent, in the same order, in both records.
            w.raw(L.callType, through: L.msisdn, d[DetailLayout.callType, through: DetailLayout.msisdn])
            w.text(L.account, subscribers.account(of: r.subscriber))
            w.text(L.otherParty, r.other.outputText)
            switch r.callType {
            case .cfw: w.text(L.thirdParty, r.third.outputText)
            case .data: w.text(L.thirdParty, r.apn)
            default: break
            }
            w.raw(L.start, d[DetailLayout.start])
            w.number(L.duration, r.duration)
            w.number(L.volume, r.volume)
            w.text(L.homeArea, areas[subscribers.homeArea(of: r.subscriber)].code)
            w.text(L.currentArea, areas[r.location.currentArea].code)
            w.byte(L.status, r.location.status.letter)
            if r.location.border { w.byte(L.border, UInt8(ascii: "B")) }
            DestinationFields.write(r.destination, writer: w, kind: L.destinationKind, area: L.destinationArea,
                                    carrier: L.destinationOperator, areas: areas)
            w.byte(L.band, r.band.letter)
            if r.samePlace { w.byte(L.samePlace, UInt8(ascii: "S")) }
            writeBlock(r.block1, w, L.block1Component, L.block1Class, L.block1Units, L.block1Rate, L.block1Gross, L.block1Discount)
            writeBlock(r.block2, w, L.block2Component, L.block2Class, L.block2Units, L.block2Rate, L.block2Gross, L.block2Discount)
            let net = r.net
            w.number(L.net, net)
            let flagsOffset = L.discountFlags.offset
            if flags.contains(.free) { w.bytes[flagsOffset] = UInt8(ascii: "F") }
            if flags.contains(.family) { w.bytes[flagsOffset + 1] = UInt8(ascii: "M") }
            if flags.contains(.percent) { w.bytes[flagsOffset + 2] = UInt8(ascii: "P") }
            return net
        }
    }

    @inline(__always)
    private func writeBlock(_ block: ChargeBlock?, _ w: RecordWriter, _ component: Field, _ tariffClass: Field,
                            _ units: Field, _ rate: Field, _ gross: Field, _ discount: Field) {
        guard let b = block else {
            w.number(units, 0)
            w.number(rate, 0)
            w.number(gross, 0)
            w.number(discount, 0)
            return
        }
        w.text(component, b.component.packedName)
        w.text(tariffClass, b.tariffClass.packedName)
        w.number(units, b.units)
        w.number(rate, b.rate.rate)
        w.number(gross, b.gross)
        w.number(discount, b.discount)
    }
}

/// The destination fields of the `R` record: kind `M`/`F`/`I`/`S`, area code or zone,
/// and operator; all blank when the party is blank or unroutable (SPEC sections 5, 8).
public enum DestinationFields {
    /// Writes the destination of `party` into the three fields.
    @inline(__always)
    public static func write(_ party: NormalizedParty, writer w: RecordWriter, kind: Field, area: Field,
                             carrier: Field, areas: AreaTable) {
        switch party {
        case .blank, .unroutable:
            break
        case .shortCode:
            w.byte(kind, UInt8(ascii: "S"))
        case .routed(_, let route):
            w.byte(kind, route.kind.letter)
            if let zone = route.zone {
                w.text(area, zone.name)
            } else if let a = route.area {
                w.text(area, areas[a].code)
                w.text(carrier, route.carrier)
            }
        }
    }
}
