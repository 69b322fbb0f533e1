import XCTest
@testable import CDRate

/// `ComponentSelection` (SPEC section 6, "Components charged to own subscribers"): the
/// components of each call type 01–06 with their class and quantity, before the tariff
/// lookup. Block 1 holds `AIR`, `SMS` or `DATA`; block 2 `TOLL` or `RTOLL`. Quantities:
/// seconds for voice, 1 message for SMS, KB for data.
///
/// Parties are normalized and routed in the rating world from the current area, as the
/// checker does: 8610 CU 10, 8613010 CU 10, 8613810 CM 10, 8613031 CU 311, 86312 CM 312,
/// 8622 CT 22; 852 and 853 GAT, 44 Z2, 1 Z1; short codes 110 FREE, 10010 LOCAL. Statuses
/// are those of a Beijing subscriber (home 10) in 10 (H) and 22 (N), and of a Hebei one
/// (home 311) in 312 (P).
final class ComponentSelectionTests: XCTestCase {
    // MARK: - Helpers

    /// The selection, in words, for a call of `type` at `status` in the current area
    /// `current`: `to` is the called number (01, 04) or the forwarded-to number (03);
    /// `from` the caller (02, 03, 05). As the checker does, the destination is the
    /// forwarded-to number for 03 and the other party otherwise.
    private func selection(_ type: CallType, _ status: RoamingStatus, at current: String,
                           to called: String = "", from caller: String = "",
                           duration: Int = 0, volume: Int = 0) throws -> String {
        let otherSignalled = [.moc, .smsMO, .data].contains(type) ? called : caller
        let other = try RatingHarness.party(otherSignalled, at: current)
        let destination = type == .cfw ? try RatingHarness.party(called, at: current) : other
        let s = ComponentSelection.select(callType: type, status: status, destination: destination, caller: other,
                                          currentArea: try RatingHarness.area(current), duration: duration,
                                          volume: volume, areas: try RatingHarness.world().areas)
        return Self.words(s)
    }

    /// `"block1 AIR HOME 61, block2 TOLL INTER 61, flag S"`, or `"nothing"`.
    private static func words(_ s: ComponentSelection) -> String {
        var parts: [String] = []
        if let b = s.first { parts.append("block1 \(b.component.name) \(b.tariffClass.name) \(b.quantity)") }
        if let b = s.second { parts.append("block2 \(b.component.name) \(b.tariffClass.name) \(b.quantity)") }
        if s.samePlace { parts.append("flag S") }
        return parts.isEmpty ? "nothing" : parts.joined(separator: ", ")
    }

    // MARK: - 01 MOC

    func testMOCToALocalNumberIsAirtimeByStatusOnly() throws {
        // DA 10 = CA 10: no TOLL. AIR HOME on the 61 s.
        XCTAssertEqual(try selection(.moc, .home, at: "10", to: "861012345678", duration: 61),
                       "block1 AIR HOME 61")
        // Roaming in 22 to a Tianjin number (8 digits → 862212345678, DA 22 = CA 22).
        XCTAssertEqual(try selection(.moc, .national, at: "22", to: "12345678", duration: 61),
                       "block1 AIR ROAM_NAT 61")
    }

    func testMOCToAnotherAreaAddsTollOfItsClass() throws {
        // P in 312 to 8613031000099 (DA 311, HE): AIR ROAM_PROV, TOLL INTRA, both 61 s.
        XCTAssertEqual(try selection(.moc, .province, at: "312", to: "8613031000099", duration: 61),
                       "block1 AIR ROAM_PROV 61, block2 TOLL INTRA 61")
        // N in 22 to 861012345678 (DA 10, BJ): TOLL from where the caller is, INTER.
        XCTAssertEqual(try selection(.moc, .national, at: "22", to: "861012345678", duration: 61),
                       "block1 AIR ROAM_NAT 61, block2 TOLL INTER 61")
    }

    func testMOCToAnInternationalNumberAddsTollOfItsZone() throws {
        XCTAssertEqual(try selection(.moc, .home, at: "10", to: "+442071234567", duration: 90),
                       "block1 AIR HOME 90, block2 TOLL Z2 90")
        XCTAssertEqual(try selection(.moc, .home, at: "10", to: "+85221234567", duration: 90),
                       "block1 AIR HOME 90, block2 TOLL GAT 90")
    }

    func testMOCToAFreeShortCodeChargesNothing() throws {
        XCTAssertEqual(try selection(.moc, .home, at: "10", to: "110", duration: 61), "nothing", "at home")
        XCTAssertEqual(try selection(.moc, .national, at: "22", to: "110", duration: 61), "nothing", "roaming")
    }

    func testMOCToALocalShortCodeIsAirtimeOnly() throws {
        XCTAssertEqual(try selection(.moc, .home, at: "10", to: "10010", duration: 61), "block1 AIR HOME 61")
        XCTAssertEqual(try selection(.moc, .national, at: "22", to: "10010", duration: 61), "block1 AIR ROAM_NAT 61")
    }

    func testAZeroSecondMOCStillHasItsComponentsAtQuantityZero() throws {
        // Section 6: a component that applies with quantity 0 is written.
        XCTAssertEqual(try selection(.moc, .home, at: "10", to: "861012345678", duration: 0), "block1 AIR HOME 0")
        XCTAssertEqual(try selection(.moc, .home, at: "10", to: "02212345678", duration: 0),
                       "block1 AIR HOME 0, block2 TOLL INTER 0")
    }

    func testMOCHasNoSamePlaceFlag() throws {
        // N in 22 to a number of 22: local, AIR only; the flag S belongs to 02 alone.
        XCTAssertEqual(try selection(.moc, .national, at: "22", to: "02212345678", duration: 61),
                       "block1 AIR ROAM_NAT 61")
    }

    // MARK: - 02 MTC

    func testMTCAtHomeIsAirtimeOnlyWithoutTheFlag() throws {
        // H: no RTOLL, so nothing to waive: no flag S although DA 10 = CA 10.
        XCTAssertEqual(try selection(.mtc, .home, at: "10", from: "8613810000002", duration: 61), "block1 AIR HOME 61")
    }

    func testMTCRoamingAddsRoamingTollByStatus() throws {
        // P in 312, caller 8613031000099 (DA 311 ≠ 312): RTOLL ROAM_PROV.
        XCTAssertEqual(try selection(.mtc, .province, at: "312", from: "8613031000099", duration: 61),
                       "block1 AIR ROAM_PROV 61, block2 RTOLL ROAM_PROV 61")
        // N in 22, caller 8613010000009 (DA 10 ≠ 22): RTOLL ROAM_NAT.
        XCTAssertEqual(try selection(.mtc, .national, at: "22", from: "8613010000009", duration: 61),
                       "block1 AIR ROAM_NAT 61, block2 RTOLL ROAM_NAT 61")
    }

    func testMTCFromACallerInTheCurrentAreaWaivesTheRoamingTollWithFlagS() throws {
        // N in 22, caller 02212345678 → 862212345678, DA 22 = CA 22.
        XCTAssertEqual(try selection(.mtc, .national, at: "22", from: "02212345678", duration: 61),
                       "block1 AIR ROAM_NAT 61, flag S")
        // P in 312, caller 031287654321 → 8631287654321, DA 312 = CA 312.
        XCTAssertEqual(try selection(.mtc, .province, at: "312", from: "031287654321", duration: 61),
                       "block1 AIR ROAM_PROV 61, flag S")
    }

    func testMTCFromAShortCodeWithheldUnroutableOrForeignCallerPaysRoamingToll() throws {
        let rtoll = "block1 AIR ROAM_NAT 61, block2 RTOLL ROAM_NAT 61"
        XCTAssertEqual(try selection(.mtc, .national, at: "22", from: "10010", duration: 61), rtoll, "a short code")
        XCTAssertEqual(try selection(.mtc, .national, at: "22", from: "", duration: 61), rtoll, "a withheld caller")
        XCTAssertEqual(try selection(.mtc, .national, at: "22", from: "12345", duration: 61), rtoll, "an unroutable caller")
        XCTAssertEqual(try selection(.mtc, .national, at: "22", from: "+85221234567", duration: 61), rtoll,
                       "an international caller")
    }

    // MARK: - 03 CFW

    func testCFWIsRatedAsAnMOCToTheForwardedToNumber() throws {
        // Caller 8613810000002 (DA 10 = CA 10) does not matter; forwarded to 02212345678
        // (DA 22, TJ) from CA 10 (BJ): TOLL INTER.
        XCTAssertEqual(try selection(.cfw, .home, at: "10", to: "02212345678", from: "8613810000002", duration: 61),
                       "block1 AIR HOME 61, block2 TOLL INTER 61")
        // Forwarded to a local number, from a caller of another province: AIR only.
        XCTAssertEqual(try selection(.cfw, .home, at: "10", to: "861012345678", from: "02212345678", duration: 61),
                       "block1 AIR HOME 61")
        // Forwarded abroad: TOLL of the zone.
        XCTAssertEqual(try selection(.cfw, .home, at: "10", to: "+442071234567", from: "8613810000002", duration: 61),
                       "block1 AIR HOME 61, block2 TOLL Z2 61")
    }

    func testCFWToShortCodesFollowsTheMOCRules() throws {
        XCTAssertEqual(try selection(.cfw, .home, at: "10", to: "110", from: "8613810000002", duration: 61), "nothing")
        XCTAssertEqual(try selection(.cfw, .home, at: "10", to: "10010", from: "8613810000002", duration: 61),
                       "block1 AIR HOME 61")
    }

    func testCFWWhileRoamingHasNoRoamingTollAndNoWaiver() throws {
        // N in 22, caller of 22 (the same place for an 02), forwarded to 861012345678 (DA 10):
        // rated as 01: AIR ROAM_NAT and TOLL INTER; no RTOLL, no flag S.
        XCTAssertEqual(try selection(.cfw, .national, at: "22", to: "861012345678", from: "02212345678", duration: 61),
                       "block1 AIR ROAM_NAT 61, block2 TOLL INTER 61")
    }

    // MARK: - 04 SMS-MO and 05 SMS-MT

    func testSMSMOToADomesticNumberIsOneDomesticMessageWhereverSent() throws {
        XCTAssertEqual(try selection(.smsMO, .home, at: "10", to: "8613810000002"), "block1 SMS DOM 1", "local")
        // Another province and roaming: still SMS DOM, no TOLL, no roaming class.
        XCTAssertEqual(try selection(.smsMO, .national, at: "22", to: "861012345678"), "block1 SMS DOM 1", "roaming, to BJ")
    }

    func testSMSMOToShortCodes() throws {
        XCTAssertEqual(try selection(.smsMO, .home, at: "10", to: "10010"), "block1 SMS DOM 1", "LOCAL short code")
        XCTAssertEqual(try selection(.smsMO, .home, at: "10", to: "110"), "nothing", "FREE short code")
    }

    func testSMSMOAbroadIsGATOrINTL() throws {
        XCTAssertEqual(try selection(.smsMO, .home, at: "10", to: "+85221234567"), "block1 SMS GAT 1", "Hong Kong")
        XCTAssertEqual(try selection(.smsMO, .home, at: "10", to: "+85381234567"), "block1 SMS GAT 1", "Macao")
        XCTAssertEqual(try selection(.smsMO, .home, at: "10", to: "+442071234567"), "block1 SMS INTL 1", "zone Z2")
        XCTAssertEqual(try selection(.smsMO, .home, at: "10", to: "+12125551234"), "block1 SMS INTL 1", "zone Z1")
    }

    func testSMSMTChargesNothing() throws {
        XCTAssertEqual(try selection(.smsMT, .home, at: "10", from: "8613810000002"), "nothing", "at home")
        // N in 22 from a caller of 22: no RTOLL to waive, so no flag S either.
        XCTAssertEqual(try selection(.smsMT, .national, at: "22", from: "02212345678"), "nothing", "roaming")
    }

    // MARK: - 06 DATA

    func testDataIsChargedByStatusOnTheVolume() throws {
        // Quantity = the volume in KB (2048), never the duration (600 s).
        XCTAssertEqual(try selection(.data, .home, at: "10", duration: 600, volume: 2048), "block1 DATA HOME 2048")
        XCTAssertEqual(try selection(.data, .province, at: "312", duration: 600, volume: 2048), "block1 DATA ROAM_PROV 2048")
        XCTAssertEqual(try selection(.data, .national, at: "22", duration: 600, volume: 2048), "block1 DATA ROAM_NAT 2048")
    }

    func testAnEmptyDataSessionIsDataAtQuantityZero() throws {
        XCTAssertEqual(try selection(.data, .home, at: "10", duration: 30, volume: 0), "block1 DATA HOME 0")
    }
}
