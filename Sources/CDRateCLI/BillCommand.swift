import CDRate

/// `cdrate bill --cycle YYYYMM [--work DIR] [--tariffs DIR]` (SPEC sections 10 and 11):
/// bills one cycle into a new bill run directory and prints a one-line summary.
func billCommand(_ arguments: [String]) throws(RunFailure) -> Int32 {
    let o = try ParsedOptions(arguments, valued: ["cycle", "work", "tariffs"])
    if o.wantsHelp {
        print(Usage.bill)
        return 0
    }
    guard let text = o.value("cycle") else { throw .usage("cdrate bill needs --cycle YYYYMM") }
    guard text.utf8.count == 6, text.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }),
        let cycle = Int(text), BillRun.isValidCycle(cycle)
    else {
        throw .usage("--cycle '\(text)' is not a month YYYYMM (six digits, month 01-12)")
    }
    let clock = ContinuousClock()
    let started = clock.now
    var bill = BillRun(work: o.value("work", default: "var"), tariffs: o.value("tariffs", default: "Tariffs"), cycle: cycle)
    bill.observer = commandObserver()
    let report = try bill.run()
    for n in report.notices { printError("notice: \(n)") }
    for w in report.warnings { printError("warning: \(w)") }
    print(report.summary(seconds: seconds(since: started, clock)))
    return 0
}

extension Usage {
    /// The usage text of `cdrate bill`.
    static let bill = """
    usage: cdrate bill --cycle YYYYMM [--work DIR] [--tariffs DIR]
      --cycle YYYYMM  the billing cycle (a calendar month of the calls' start times)
      --work DIR      the work area (default var); the bill run goes to DIR/bills/YYYYMM/B0000001/, B0000002/, ...
      --tariffs DIR   the 18 reference tables as they are now (default Tariffs); nothing is re-rated
      reads every R and V record of the cycle from all committed runs, or from the newest
      rerate generation of the cycle, and writes BILLS.dat, PROV.dat, ROAM_<PARTNER>.dat,
      IC_<OPERATOR>.dat, SUMMARY.txt and MANIFEST atomically.
    exit: 0 done (a warning when the cycle has no rated records), 2 usage,
          3 configuration error or not a work area, 4 locked, 5 I/O failure,
          130/143 interrupted (Ctrl-C/SIGTERM; nothing committed)
    """
}
