import CDRate
/// What a broken or planted record fixes in advance when it is drawn through the normal
/// record generator: the subject, the call type, the numbers or the date. Unset fields
/// are drawn at random as usual.
struct CallOverride: Sendable {
    /// Force this own subscriber (-1: draw).
    var subscriber = -1
    /// Force this roamer (-1: draw).
    var roamer = -1
    /// Draw only own subscribers.
    var ownOnly = false
    /// Force this call type 1–6 (0: draw).
    var callType = 0
    /// Force the other party.
    var other: SyntheticNumber? = nil
    /// Force the third party.
    var third: SyntheticNumber? = nil
    /// Force the start date `YYYYMMDD` (0: the file's day, sometimes the day before).
    var date = 0

    /// Nothing forced.
    static let none = CallOverride()
}
