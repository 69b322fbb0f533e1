import CDRate
import Foundation

/// `cdrate reprocess [--reason R] [--switch S]`.
func reprocessCommand(_ arguments: [String]) throws(RunFailure) -> Int32 {
    let o = try ParsedOptions(arguments, valued: ["reason", "switch", "tariffs", "work", "threads"])
    if o.wantsHelp {
        print(Usage.reprocess)
        return 0
    }
    var run = RecycleRun()
    run.tariffs = o.value("tariffs", default: "Tariffs")
    run.work = o.value("work", default: "var")
    run.threads = try o.positiveInt("threads", default: defaultThreads())
    run.observer = commandObserver()
    if let r = o.value("reason") {
        guard let reason = RejectReason(code: r) else { throw .usage("--reason '\(r)' is not one of E02 ... E09") }
        run.reason = reason
    }
    if let s = o.value("switch") {
        guard (1...10).contains(s.count), s.allSatisfy({ ($0 >= "A" && $0 <= "Z") || ($0 >= "0" && $0 <= "9") }) else {
            throw .usage("--switch '\(s)' is not a switch id (1-10 of A-Z, 0-9)")
        }
        run.switchID = PackedText(s)
    }
    let clock = ContinuousClock()
    let started = clock.now
    let report = try run.run()
    for n in report.notices { printError("notice: \(n)") }
    for a in report.alarms { printError("ALARM \(a)") }
    print(report.summary(seconds: seconds(since: started, clock), command: "reprocess"))
    return 0
}

/// `cdrate rejects [--list]` and `cdrate rejects --fix SWITCH:SEQ:REC FIELD=VALUE…`.
func rejectsCommand(_ arguments: [String]) throws(RunFailure) -> Int32 {
    // `--fix` takes the key and then one or more FIELD=VALUE words, which the option
    // parser (one value per option) does not: they are taken out first.
    var rest = arguments
    var fix: (key: String, edits: [String])?
    if let i = rest.firstIndex(of: "--fix") {
        guard i + 1 < rest.count, !rest[i + 1].hasPrefix("--") else { throw .usage("option '--fix' needs SWITCH:SEQ:REC") }
        var j = i + 2
        while j < rest.count, !rest[j].hasPrefix("--"), rest[j].contains("=") { j += 1 }
        fix = (rest[i + 1], Array(rest[(i + 2)..<j]))
        rest.removeSubrange(i..<j)
    }
    let o = try ParsedOptions(rest, valued: ["work", "tariffs", "threads"], switches: ["list"])
    if o.wantsHelp {
        print(Usage.rejects)
        return 0
    }
    if let fix { return try fixCommand(key: fix.key, edits: fix.edits, o) }
    // The list says why each reject fails with today's tables, so it reads them.
    var reference: ReferenceData?
    if o.flag("list") {
        do {
            reference = try ReferenceData.load(directory: o.value("tariffs", default: "Tariffs"))
        } catch {
            throw .configuration(error)
        }
    }
    print(try RejectsReport(work: o.value("work", default: "var")).text(list: o.flag("list"), reference: reference),
          terminator: "")
    return 0
}

/// `cdrate rejects --fix SWITCH:SEQ:REC FIELD=VALUE…`: exit 0 corrected, 1 no such
/// record (or not one), 2 a value refused, and as `run` otherwise.
private func fixCommand(key text: String, edits words: [String], _ o: ParsedOptions) throws(RunFailure) -> Int32 {
    if o.flag("list") { throw .usage("--fix and --list do not go together") }
    guard let key = RejectKey(argument: text) else {
        throw .usage("--fix '\(text)' is not SWITCH:SEQ:REC (as 'cdrate rejects --list' prints it, e.g. BJMSC01:000001:00000004)")
    }
    guard !words.isEmpty else { throw .usage("--fix \(text) needs one or more FIELD=VALUE (see cdrate rejects --help)") }
    var edits = [DetailFieldEdit]()
    for word in words {
        let edit: DetailFieldEdit
        do {
            edit = try DetailFieldEdit(argument: word)
        } catch {
            throw .usage(error.message)
        }
        if edits.contains(where: { $0.field == edit.field }) {
            throw .usage("field \(DetailFieldEdit.optionName(edit.field)) given twice")
        }
        edits.append(edit)
    }
    var correction = RejectCorrection(key: key, edits: edits)
    correction.tariffs = o.value("tariffs", default: "Tariffs")
    correction.work = o.value("work", default: "var")
    correction.threads = try o.positiveInt("threads", default: defaultThreads())
    correction.observer = commandObserver()
    switch try correction.run() {
    case .refused(let message):
        printError("cdrate: \(message); nothing was changed")
        return 1
    case .corrected(let report):
        for n in report.notices { printError("notice: \(n)") }
        print(report.summary)
        return 0
    }
}

/// `cdrate verify RUN|BILLRUN`: exit 0 sound, 1 not.
func verifyCommand(_ arguments: [String]) throws(RunFailure) -> Int32 {
    var rest = arguments
    var target: String?
    if let first = rest.first, !first.hasPrefix("--"), first != "-h" {
        target = first
        rest.removeFirst()
    }
    let o = try ParsedOptions(rest, valued: ["work"])
    if o.wantsHelp {
        print(Usage.verify)
        return 0
    }
    guard let target else { throw .usage("cdrate verify needs exactly one RUN or BILLRUN (an id or a directory)") }
    let work = o.value("work", default: "var")
    let directory = try Verification.locate(target, work: work)
    let problems = Verification(directory: directory).problems()
    if problems.isEmpty {
        print("verify \(directory): sound (every checksum, count and the reconciliation agree with the MANIFEST)")
        return 0
    }
    for p in problems { print("verify \(directory): \(p)") }
    print("verify \(directory): NOT SOUND, \(problems.count) problem\(problems.count == 1 ? "" : "s")")
    return 1
}

/// Seconds elapsed since `start`.
func seconds(since start: ContinuousClock.Instant, _ clock: ContinuousClock) -> Double {
    let d = clock.now - start
    return Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
}

/// `cdrate rerate --cycle YYYYMM`.
func rerateCommand(_ arguments: [String]) throws(RunFailure) -> Int32 {
    let o = try ParsedOptions(arguments, valued: ["cycle", "tariffs", "work", "threads"])
    if o.wantsHelp {
        print(Usage.rerate)
        return 0
    }
    let cycle = try cycleOption(o)
    var rerate = CycleRerate(cycle: cycle)
    rerate.tariffs = o.value("tariffs", default: "Tariffs")
    rerate.work = o.value("work", default: "var")
    rerate.threads = try o.positiveInt("threads", default: defaultThreads())
    rerate.observer = commandObserver()
    let r = try rerate.run()
    let c = r.counters
    print("cdrate rerate \(cycle): generation G\(r.generation) in \(r.directory): records \(c.input.records) in, \(c.rated.records) rated, \(c.roamers.records) roamers, \(c.rejected.records) rejected, \(c.duplicates.records) duplicates; " + (c.reconciles ? "reconciled" : "NOT RECONCILED"))
    return 0
}

/// The `--cycle YYYYMM` option: required, a real month.
func cycleOption(_ o: ParsedOptions) throws(RunFailure) -> Int {
    guard let text = o.value("cycle") else { throw .usage("--cycle YYYYMM is required") }
    guard text.count == 6, let cycle = Int(text), cycle / 100 >= 1000, (1...12).contains(cycle % 100) else {
        throw .usage("--cycle '\(text)' is not a month YYYYMM")
    }
    return cycle
}

/// `cdrate diff A B [--cdr]`: exit 0 same, 1 different, 2 usage.
func diffCommand(_ arguments: [String]) throws(RunFailure) -> Int32 {
    let positional = Array(arguments.prefix { !$0.hasPrefix("--") && $0 != "-h" })
    let o = try ParsedOptions(Array(arguments.dropFirst(positional.count)), valued: ["work", "tariffs"], switches: ["cdr"])
    if o.wantsHelp {
        print(Usage.diff)
        return 0
    }
    guard positional.count == 2 else { throw .usage("cdrate diff needs two bill runs (ids or directories)") }
    let work = o.value("work", default: "var")
    let a = try BillRunLocator.locate(positional[0], work: work)
    let b = try BillRunLocator.locate(positional[1], work: work)
    var reference: ReferenceData?
    if o.flag("cdr") {
        do {
            reference = try ReferenceData.load(directory: o.value("tariffs", default: "Tariffs"))
        } catch {
            throw .configuration(error)
        }
    }
    let lines: [String]
    do {
        lines = try BillDiff(first: a, second: b).lines(reference: reference)
    } catch {
        throw RunFailure.wrap(error)
    }
    print("diff \(a) \(b)")
    for line in lines { print(line) }
    print(lines.isEmpty ? "same: no line and no total differs" : "different: \(lines.filter { !$0.hasPrefix("  CDR") }.count) figures differ")
    return lines.isEmpty ? 0 : 1
}

/// `cdrate report RUN|BILLRUN [--out FILE]`: exit 0 written, 2 usage, 3 not a work area,
/// 5 I/O failure.
func reportCommand(_ arguments: [String]) throws(RunFailure) -> Int32 {
    // The one word that is no option nor an option's value, wherever it stands
    // (`cdrate report --work /srv/var R0000001` as well as `cdrate report R0000001 --work …`).
    let valued: Set<String> = ["work", "out"]
    let (target, o) = try ParsedOptions.withTarget(arguments, valued: valued)
    if o.wantsHelp {
        print(Usage.report)
        return 0
    }
    guard let target else { throw .usage("cdrate report needs exactly one RUN or BILLRUN (an id or a directory)") }
    let resolved = try ReportTarget.locate(target, work: o.value("work", default: "var"))
    let out = o.value("out", default: resolved.defaultFileName)
    do throws(IOFailure) {
        let html = try ReportPage.html(of: resolved)
        if out == "-" {
            print(html, terminator: "")
            return 0
        }
        try FileSystem.write(out, Array(html.utf8))
    } catch {
        throw .io(error.description)
    }
    print("cdrate report \(resolved.directory): wrote \(out)")
    return 0
}
