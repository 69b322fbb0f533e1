/// Normalizes signalled numbers and routes them (SPEC section 4, step 3).
///
/// Given the country code `CC` and the current area `CA` after the border rule, the
/// first matching rule applies, once: `+x` → `x`; `00x` → `x`; `0x` → `CC`+`x`;
/// `CC1…` of 13 digits unchanged; `1…` of 11 digits → `CC`+number; 3–6 digits → a
/// short code; 7–8 digits → `CC`+`CA`+number; other digits starting with `CC`, 9–24
/// long, unchanged; anything else unroutable. The result is routed by the longest
/// prefix of `numbering.tbl`; more than 24 digits or no prefix is unroutable.
public struct NumberNormalizer: Sendable {
    private let countryCode: DigitString
    private let shortCodes: ShortCodeTable
    private let numbering: NumberingPlan

    /// A normalizer over the run's reference data.
    public init(reference: ReferenceData) {
        var cc = DigitString()
        _ = reference.network.countryCode.withUnsafeBytes { cc.append($0) }
        countryCode = cc
        shortCodes = reference.shortCodes
        numbering = reference.numbering
    }

    /// Normalizes and routes `party`, the field with the spaces at both ends removed
    /// and already known to be digits with at most one leading `+` (E03 checked it).
    @inline(__always)
    public func normalize(_ party: UnsafeRawBufferPointer, currentArea: PackedText) -> NormalizedParty {
        let n = party.count
        if n == 0 { return .blank }
        var number = DigitString()
        let cc = countryCode
        if party[0] == ASCII.plus {
            guard number.append(UnsafeRawBufferPointer(rebasing: party[1...])) else { return .unroutable }
        } else if n >= 3 && party[0] == ASCII.zero && party[1] == ASCII.zero {
            guard number.append(UnsafeRawBufferPointer(rebasing: party[2...])) else { return .unroutable }
        } else if n >= 2 && party[0] == ASCII.zero {
            guard cc.withBytes({ number.append($0) }),
                  number.append(UnsafeRawBufferPointer(rebasing: party[1...])) else { return .unroutable }
        } else if n == 13 && startsWithCountryCode(party) && party[cc.count] == UInt8(ascii: "1") {
            guard number.append(party) else { return .unroutable }
        } else if n == 11 && party[0] == UInt8(ascii: "1") {
            guard cc.withBytes({ number.append($0) }), number.append(party) else { return .unroutable }
        } else if n >= 3 && n <= 6 {
            guard let kind = shortCodes.lookup(party), let code = DigitString(party) else { return .unroutable }
            return .shortCode(code, kind)
        } else if n == 7 || n == 8 {
            guard cc.withBytes({ number.append($0) }), number.append(currentArea), number.append(party) else {
                return .unroutable
            }
        } else if n >= 9 && n <= 24 && startsWithCountryCode(party) {
            guard number.append(party) else { return .unroutable }
        } else {
            return .unroutable
        }
        guard let route = number.withBytes({ numbering.route($0) }) else { return .unroutable }
        return .routed(number, route)
    }

    @inline(__always)
    private func startsWithCountryCode(_ party: UnsafeRawBufferPointer) -> Bool {
        countryCode.withBytes { ByteField.hasPrefix(party, $0) }
    }
}
