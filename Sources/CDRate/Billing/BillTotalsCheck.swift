/// The reconciliation of `BILLS.dat` the MANIFEST states (SPEC section 10), fed the
/// file's records in pieces of whole records: every `Z` has the gross and discount sums
/// of its account's `C` lines, net = gross − discount − cap credit, payable = (net + 5)
/// / 10, and the `B` count of billed subscribers matches the MSISDNs of its `C` lines.
/// It holds one account at a time, so a bill run checks its file as it writes it and
/// `verify` reads a file of any size in chunks.
public struct BillTotalsCheck {
    /// The `Z` records found sound so far.
    public private(set) var checked = 0
    private var gross = 0
    private var discount = 0
    private var line = 0
    private var account = ""
    private var subscribers = 0
    private var msisdns = Set<String>()

    /// A check before the file's first record.
    public init() {}

    /// Checks the whole records (each 120 bytes and an LF) of `bytes`; returns the first
    /// failure, naming its line (counted from the file's start) and account.
    public mutating func feed(_ bytes: [UInt8]) -> VerificationFailure? {
        bytes.withUnsafeBytes { feed($0) }
    }

    /// Checks the whole records of `all`, as `feed(_:)` does.
    public mutating func feed(_ all: UnsafeRawBufferPointer) -> VerificationFailure? {
        let stride = BillLineLayout.layout.width + 1
        var offset = 0
        func fail(_ text: String) -> VerificationFailure {
            VerificationFailure("line \(line): account \(account): \(text)")
        }
        while offset + stride <= all.count {
            let view = RecordView(UnsafeRawBufferPointer(rebasing: all[offset..<(offset + stride - 1)]))
            offset += stride
            line += 1
            switch view.bytes[0] {
            case UInt8(ascii: "B"):
                account = view.string(BillAccountLayout.account)
                gross = 0
                discount = 0
                msisdns = []
                subscribers = view.number(BillAccountLayout.subscribers) ?? -1
            case UInt8(ascii: "C"):
                guard view.string(BillLineLayout.account) == account else { return fail("C line of another account") }
                guard let g = view.number(BillLineLayout.gross), let d = view.number(BillLineLayout.discount),
                      let n = view.number(BillLineLayout.net) else { return fail("C line amounts not numbers") }
                guard n == g - d else { return fail("C line net \(n) is not gross \(g) - discount \(d)") }
                gross = gross.addingSaturated(g)
                discount = discount.addingSaturated(d)
                msisdns.insert(view.string(BillLineLayout.msisdn))
            case UInt8(ascii: "Z"):
                guard view.string(BillTotalLayout.account) == account else { return fail("Z line of another account") }
                guard let zGross = view.number(BillTotalLayout.gross), let zDiscount = view.number(BillTotalLayout.discount),
                      let credit = view.number(BillTotalLayout.capCredit), let net = view.number(BillTotalLayout.net),
                      let payable = view.number(BillTotalLayout.payable) else { return fail("Z amounts not numbers") }
                if zGross != gross { return fail("Z gross \(zGross) differs from the sum of its C lines \(gross)") }
                if zDiscount != discount { return fail("Z discount \(zDiscount) differs from the sum of its C lines \(discount)") }
                if net != gross - discount - credit {
                    return fail("Z net \(net) is not gross \(gross) - discount \(discount) - cap credit \(credit)")
                }
                if payable != (net + 5) / 10 { return fail("Z payable \(payable) fen is not (net \(net) + 5) / 10") }
                if msisdns.count != subscribers {
                    return fail("B says \(subscribers) billed subscribers, the C lines have \(msisdns.count)")
                }
                checked += 1
            default:
                return VerificationFailure("line \(line): record type '\(Character(Unicode.Scalar(view.bytes[0])))'")
            }
        }
        return nil
    }
}
