/// The fields of an `R` record (SPEC section 8) that the bill run and the settlements
/// read, parsed once per record without allocating.
public struct RatedCall: Sendable {
    /// The IMSI as a number.
    public let imsi: Int
    /// The call type, 1–6.
    public let callType: Int
    /// The call date `YYYYMMDD` (of the start time).
    public let date: Int
    /// Duration in seconds.
    public let duration: Int
    /// Volume in KB.
    public let volume: Int
    /// The home area code, as written.
    public let homeArea: PackedText
    /// The current area `CA` after the border rule, as written.
    public let currentArea: PackedText
    /// The roaming status letter `H`, `P` or `N`.
    public let status: UInt8
    /// The destination kind letter `M`, `F`, `I`, `S` or space.
    public let destinationKind: UInt8
    /// The destination area (or zone), as written; empty when blank.
    public let destinationArea: PackedText
    /// The destination operator; empty when blank.
    public let destinationOperator: PackedText
    /// Block 1 (`AIR`, `SMS` or `DATA`), nil when unused.
    public let block1: RatedBlock?
    /// Block 2 (`TOLL` or `RTOLL`), nil when unused.
    public let block2: RatedBlock?

    /// The billing cycle `YYYYMM`.
    @inline(__always) public var cycle: Int { date / 100 }

    /// Parses the record `view` (its width and type letter already checked).
    ///
    /// - Throws: `RecordRefusal` naming the first field the bill run cannot read.
    public init(_ view: RecordView) throws(RecordRefusal) {
        func refuse(_ field: Field, _ what: String) -> RecordRefusal {
            RecordRefusal(recordType: "R", field: field.name, position: field.position,
                          reason: "'\(view.string(field))' is not \(what)")
        }
        guard let imsi = view.number(RatedLayout.imsi) else { throw refuse(RatedLayout.imsi, "15 digits") }
        guard let callType = view.number(RatedLayout.callType), (1...6).contains(callType) else {
            throw refuse(RatedLayout.callType, "a call type 01-06")
        }
        let start = view[RatedLayout.start]
        guard let startValue = ByteField.digits(start), let stamp = Timestamp(value: startValue) else {
            throw refuse(RatedLayout.start, "a start time YYYYMMDDHHMMSS")
        }
        guard let duration = view.number(RatedLayout.duration) else { throw refuse(RatedLayout.duration, "6 digits") }
        guard let volume = view.number(RatedLayout.volume) else { throw refuse(RatedLayout.volume, "10 digits") }
        self.imsi = imsi
        self.callType = callType
        self.date = stamp.date
        self.duration = duration
        self.volume = volume
        homeArea = PackedText(view.text(RatedLayout.homeArea))
        currentArea = PackedText(view.text(RatedLayout.currentArea))
        status = view[RatedLayout.status][0]
        destinationKind = view[RatedLayout.destinationKind][0]
        destinationArea = PackedText(view.text(RatedLayout.destinationArea))
        destinationOperator = PackedText(view.text(RatedLayout.destinationOperator))
        block1 = try RatedBlock.read(view, component: RatedLayout.block1Component, tariffClass: RatedLayout.block1Class,
                                     gross: RatedLayout.block1Gross, discount: RatedLayout.block1Discount)
        block2 = try RatedBlock.read(view, component: RatedLayout.block2Component, tariffClass: RatedLayout.block2Class,
                                     gross: RatedLayout.block2Gross, discount: RatedLayout.block2Discount)
    }

    /// The cycle `YYYYMM` of the record `view` from the first six bytes of its start
    /// time, or nil when they are not digits; a cheap filter before `init`.
    @inline(__always)
    public static func cycle(of view: RecordView, start: Field) -> Int? {
        ByteField.digits(UnsafeRawBufferPointer(rebasing: view[start][0..<6]))
    }

    /// The quantity a block of this record counts in its category (SPEC section 10):
    /// the duration for `AIR`, `TOLL` and `RTOLL`, 1 for `SMS`, the volume for `DATA`.
    @inline(__always)
    public func quantity(of block: RatedBlock) -> Int {
        switch block.component {
        case .air, .toll, .rtoll: return duration
        case .sms: return 1
        case .data: return volume
        }
    }
}
