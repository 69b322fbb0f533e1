/// `SUMMARY.txt` of a bill run (SPEC section 10): for people, aligned columns, and
/// deterministic like every other file of the bill run (no time of day). It is written
/// in three parts, `head`, a `capLine` per cap credit (there may be millions: the bill
/// run streams them from a spill) and `tail`.
public enum BillSummary {
    /// The summary up to the list of cap credits.
    public static func head(_ report: BillReport) -> String {
        var lines: [String] = []
        lines.append("BILL RUN \(report.billRun.text)  cycle \(report.cycle)")
        lines.append("source: \(report.source.label): \(report.ratedRecords) R records of the cycle, "
            + "\(report.roamerRecords) V records")
        lines.append("accounts \(report.accounts), billed subscribers \(report.subscribers)")
        lines.append("")
        lines.append(left("category", 10) + right("lines", 7) + right("quantity", 13) + right("gross", 15)
            + right("discount", 15) + right("net", 15))
        for category in BillCategory.allCases {
            let t = category.rawValue < report.categories.count ? report.categories[category.rawValue] : CategoryTotal()
            lines.append(left(category.name.description, 10) + right(t.count, 7) + right(t.quantity, 13)
                + right(t.gross, 15) + right(t.discount, 15) + right(t.net, 15))
        }
        lines.append("")
        lines.append("caps (rule in force on the cycle's last day): \(report.creditedSubscribers) subscribers with a credit")
        return lines.map { $0 + "\n" }.joined()
    }

    /// The line of one cap credit (without its LF).
    public static func capLine(_ c: CapCredit) -> String {
        "  " + left(c.account.description, 10) + " " + left(c.msisdn.description, 15) + " "
            + left(c.component.name.description, 5) + " rule \(c.rule) cap \(c.cap) nets \(c.nets) credit \(c.credit)"
    }

    /// The summary after the list of cap credits.
    public static func tail(_ report: BillReport) -> String {
        var lines: [String] = []
        lines.append("")
        lines.append("totals (li): gross \(report.gross), discount \(report.discount), cap credit \(report.capCredit), "
            + "net \(report.net); payable \(report.payable) fen")
        lines.append("")
        lines.append("roaming partners (TAP out):")
        for p in report.partners {
            lines.append("  " + left(p.partner.description, 6) + " records" + right(p.records, 7)
                + " duration" + right(p.durationSum, 11) + " volume" + right(p.volumeSum, 13)
                + " charge" + right(p.chargeSum, 13))
        }
        lines.append("interconnect:")
        for o in report.operators {
            lines.append("  " + left(o.carrier.description, 2) + " lines" + right(o.lines, 6) + " calls" + right(o.calls, 8)
                + " units" + right(o.units, 10) + " amount" + right(o.amount, 13))
        }
        lines.append("provincial roaming: \(report.provincialLines) lines, gross \(report.provincialGross), "
            + "net \(report.provincialNet)")
        return lines.map { $0 + "\n" }.joined()
    }

    // MARK: - Private

    /// `text` padded with spaces on the right to `width`.
    private static func left(_ text: String, _ width: Int) -> String {
        text + String(repeating: " ", count: max(0, width - text.count))
    }

    /// `text` padded with spaces on the left to `width`.
    private static func right(_ text: String, _ width: Int) -> String {
        String(repeating: " ", count: max(0, width - text.count)) + text
    }

    /// `value` right-aligned in `width`.
    private static func right(_ value: Int, _ width: Int) -> String { right(String(value), width) }
}
