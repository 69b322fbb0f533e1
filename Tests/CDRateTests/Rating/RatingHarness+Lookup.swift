import XCTest
@testable import CDRate

/// Lookups in the rating world for the unit tests of the roaming and rating types: an
/// area by its code, a signalled number normalized and routed as the checker does, and
/// short spellings of the results so that a failure reads as the SPEC's words.
extension RatingHarness {
    /// The area whose code is `code` (`"10"`, `"312"`); a failure when it is not listed.
    static func area(_ code: String) throws -> AreaID {
        guard let id = try world().areas.id(of: PackedText(code)) else {
            throw Failure(description: "area \(code) is not in the rating world's areas.tbl")
        }
        return id
    }

    /// The code of the area `id`, as the `R` record writes it.
    static func code(of id: AreaID) throws -> String {
        try world().areas[id].code.description
    }

    /// `signalled` (digits, optionally a leading `+`; empty for a withheld number)
    /// normalized and routed from the current area `currentArea` (SPEC section 4, step 3).
    static func party(_ signalled: String, at currentArea: String) throws -> NormalizedParty {
        let normalizer = NumberNormalizer(reference: try world())
        return Array(signalled.utf8).withUnsafeBytes { normalizer.normalize($0, currentArea: PackedText(currentArea)) }
    }

    /// The route of `signalled` from `currentArea`; a failure when it does not route.
    static func route(_ signalled: String, at currentArea: String) throws -> Route {
        guard let route = try party(signalled, at: currentArea).route else {
            throw Failure(description: "\(signalled) does not route from area \(currentArea) in the rating world")
        }
        return route
    }

    /// A location in words: `"network 312, current 10, border B, status H"`.
    static func words(_ location: Location) throws -> String {
        let border = location.border ? "B" : "-"
        let status = String(UnicodeScalar(location.status.letter))
        return "network \(try code(of: location.networkArea)), current \(try code(of: location.currentArea)), "
            + "border \(border), status \(status)"
    }
}
