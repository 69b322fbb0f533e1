import CDRate
/// One detail record written on purpose rather than drawn at random: a planted case
/// for a fraud rule, a free pool, high usage, roaming or validity. Its switch and day
/// say which file it goes into. Few exist, so text fields are plain strings.
struct WorldPlantedRecord: Sendable {
    /// Switch index.
    let switchIndex: Int
    /// Day index into `WorldCatalog.days`.
    let dayIndex: Int
    /// Call type 1–6.
    let callType: Int
    /// IMSI (15 digits).
    let imsi: Int
    /// MSISDN.
    let msisdn: Int
    /// Digits of the MSISDN.
    let msisdnDigits: Int
    /// Other party as signalled.
    let other: String
    /// Third party (forwarded-to number or APN).
    let third: String
    /// Start time `YYYYMMDDHHMMSS`.
    let start: Int
    /// Duration, seconds.
    let duration: Int
    /// Volume, KB.
    let volume: Int
    /// Cell id (the LAC is the switch's).
    let cell: Int
    /// IMEI, nil for blank.
    let imei: Int?
    /// What the record is planted for (documentation and tests).
    let purpose: String
}
