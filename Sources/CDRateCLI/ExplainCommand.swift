import CDRate

/// `cdrate explain SWITCH:SEQ:REC [--run RUN] [--tariffs DIR] [--work DIR]` (SPEC section
/// 11a): why one record came out as it did, step by step, for an 80-column terminal.
func explainCommand(_ arguments: [String]) throws(RunFailure) -> Int32 {
    // The one word that is no option nor an option's value, wherever it stands.
    let valued: Set<String> = ["run", "tariffs", "work"]
    let (target, o) = try ParsedOptions.withTarget(arguments, valued: valued)
    if o.wantsHelp {
        print(Usage.explain)
        return 0
    }
    guard let target else { throw .usage("cdrate explain needs one record, SWITCH:SEQ:REC") }
    guard let reference = RecordReference(target) else {
        throw .usage("'\(target)' is not SWITCH:SEQ:REC (switch id 1-10 of A-Z 0-9, file seq up to 6 digits, "
            + "record seq up to 8 digits, e.g. BJMSC01:000001:00000004)")
    }
    var explainer = RecordExplainer(reference: reference)
    explainer.run = o.value("run")
    explainer.tariffs = o.value("tariffs", default: "Tariffs")
    explainer.work = o.value("work", default: "var")
    let explanation = try explainer.explain()
    for line in explanation.text() { print(line) }
    // Never expected: the stages run again from the run's own inputs, state and tables
    // wrote another line than the run did.
    if explanation.agrees { return 0 }
    printError("cdrate: explain: the record stages run again did not write the line of \(explanation.outputFile) line "
        + "\(explanation.outputLineNumber): the run's archive, state or outputs were changed after it committed "
        + "(cdrate verify \(explanation.holderDirectory))")
    return ExitCode.io
}
