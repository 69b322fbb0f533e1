/// `cdrate report RUN|BILLRUN`: the page of a run, a rerate generation or a bill run.
public enum ReportPage {
    /// The HTML page of `target`.
    ///
    /// - Throws: `IOFailure` naming a missing, unreadable or damaged file of the directory.
    public static func html(of target: ReportTarget) throws(IOFailure) -> String {
        switch target.kind {
        case .run, .generation: return try RunReportPage(target: target).html
        case .billRun: return try BillReportPage(target: target).html
        }
    }
}
