/// Why a detail record is rejected, in words an operator can act on (issue: "rejects
/// that say why"): the reason and its detail — the field and its bytes for `E03`, the
/// MSC for `E06`, the number for `E07`, the tariff key or the partner and service for
/// `E08`, the subscriber's active dates for `E09`. Computed off the hot path by
/// `RecordChecker.diagnose`; never written into an `X` record (its layout is fixed).
public struct RejectDiagnosis: Sendable, Equatable, CustomStringConvertible {
    /// The reason: the first check that fails.
    public let reason: RejectReason
    /// What failed and, where it helps, what would pass.
    public let detail: String

    /// A diagnosis of `reason` saying `detail`.
    public init(reason: RejectReason, detail: String) {
        self.reason = reason
        self.detail = detail
    }

    /// `E03 start '20260931120000' must be a valid date-time …`.
    public var description: String { "\(reason.code) \(detail)" }
}
