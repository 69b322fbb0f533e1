/// The version of cdrate, printed by `cdrate --version`: the one place it is kept.
public enum Version {
    /// `MAJOR.MINOR.PATCH`; the minor follows the SPEC it implements (v1.3).
    public static let text = "1.3.0"
}
