/// The usage text of each command (SPEC section 11). Each lists every exit code its
/// command can return.
enum Usage {
    static let commands = """
    usage: cdrate <command> [options]

    commands:
      run        the nightly job: collect the inbox, then every stage
      collect    --recollect SWITCH:SEQ[-SEQ]: collect named files again, as a run
                 --night: collect a night to be rated as shards (then rate, merge)
      rate       --shard K/N: rate one shard of the collected night
      merge      merge the rated shards into the night's run
      reprocess  run the reject store again (after fixing a table or a raw record)
      rejects    pending rejects by reason and switch (--list: one line each; --fix: correct a record)
      bill       --cycle YYYYMM: bills, roaming and interconnect settlement files
      rerate     re-rate a whole cycle as a new generation (after a tariff fix)
      diff       compare two bill runs (--cdr: down to the rated records)
      verify     recheck a run's or bill run's checksums and reconciliation
      explain    SWITCH:SEQ:REC: why one record came out as it did, step by step
      report     one HTML page of a run, rerate generation or bill run, to read or print
      generate   write a synthetic world (reference tables and gzip switch files)

    every command takes --work DIR (default var) and, where it reads reference data,
    --tariffs DIR (default Tariffs); --opt=value is the same as --opt value.
    'cdrate <command> --help' for its options; 'cdrate --version' for the version.
    exit codes: 0 done, 1 verify: not sound, diff: different, reprocess: nothing selected,
    explain: no such record,
    2 usage, 3 configuration error or not a work area, 4 work area locked, 5 I/O failure,
    130 or 143 interrupted by Ctrl-C or SIGTERM (nothing committed).
    """

    /// The exit codes of the commands that change a work area.
    static let runExits = """
    exit: 0 done (rejects and alarms included), 2 usage, 3 configuration error, 4 locked,
          5 I/O failure, 130/143 interrupted (Ctrl-C/SIGTERM; nothing committed)
    """

    static let run = """
    usage: cdrate run [--inbox DIR] [--tariffs DIR] [--work DIR] [--threads N]
      --inbox DIR    where switches drop files (default SampleCDRs); only read
      --tariffs DIR  the 18 reference tables (default Tariffs)
      --work DIR     the work area (default var; made on first use)
      --threads N    worker threads (default: the number of cores); outputs do not depend on it
    \(runExits)
    """

    static let collect = """
    usage: cdrate collect --recollect SWITCH:SEQ[-SEQ] [--inbox DIR] [--tariffs DIR] [--work DIR] [--threads N]
      collects the named files from the inbox although another copy was collected before,
      as a new run through every stage; records already rated come out as duplicates.
      (cdrate collect --night: the first step of a night run as shards; see its --help)
    \(runExits)
    """

    static let reprocess = """
    usage: cdrate reprocess [--reason E0x] [--switch SWITCH] [--tariffs DIR] [--work DIR] [--threads N]
      runs the selected rejects of the store again with today's reference data, as a recycle run:
      rated and now-duplicate records leave the store, failures stay with attempts + 1.
    exit: 0 done, 1 no pending reject selected (no run made), 2 usage,
          3 configuration error or not a work area, 4 locked, 5 I/O failure,
          130/143 interrupted (Ctrl-C/SIGTERM; nothing committed)
    """

    static let rejects = """
    usage: cdrate rejects [--list] [--tariffs DIR] [--work DIR]
           cdrate rejects --fix SWITCH:SEQ:REC FIELD=VALUE... [--tariffs DIR] [--work DIR]
      pending rejects by reason and switch (count, oldest first run, most attempts);
      --list adds one line per reject: its key SWITCH:SEQ:REC, why it fails with today's tables
      (the field and its bytes, the MSC, the number, the missing tariff key or partner rate,
      the active dates) and a summary of its raw record.
      --fix corrects fields of the raw record of the reject SWITCH:SEQ:REC (that record only), as
      a run of kind correction; the next reprocess takes it and its MANIFEST lists each correction.
      FIELD is a field of the detail record (SPEC section 1): REC_SEQ CALL_TYPE IMSI MSISDN OTHER
      THIRD START DURATION VOLUME MSC LAC CELL IMEI CAUSE. Text is left-aligned and space-padded
      (an empty value blanks it), numbers (REC_SEQ DURATION VOLUME LAC CELL) are zero-padded. A value
      wider than its field, not printable ASCII, or that its field's check (E02/E03) rejects is
      refused. Example: cdrate rejects --fix BJMSC02:000007:00000015 MSC=BJMSC02
    exit: 0 done (--fix: corrected); 1 --fix: no such pending reject; 2 usage or a value refused;
          3 configuration error (--list and --fix read the tables) or not a work area;
          4 locked (--fix); 5 I/O failure or damaged state; 130/143 interrupted (Ctrl-C/SIGTERM)
    """

    static let verify = """
    usage: cdrate verify RUN|BILLRUN [--work DIR]
      recomputes every checksum and count of the MANIFEST and the reconciliation.
    exit: 0 sound, 1 not sound, 2 usage (no such run, or a bill run id in several cycles),
          3 not a work area, 130/143 interrupted (Ctrl-C/SIGTERM)
    """

    static let rerate = """
    usage: cdrate rerate --cycle YYYYMM [--tariffs DIR] [--work DIR] [--threads N]
      re-rates every record of the cycle (archive, corrected rejects) with today's tables into
      <work>/cycles/YYYYMM/G<n>/; later bill runs of the cycle use the newest generation.
    exit: 0 done, 2 usage, 3 configuration error or not a work area, 4 locked, 5 I/O failure,
          130/143 interrupted (Ctrl-C/SIGTERM; nothing committed)
    """

    static let diff = """
    usage: cdrate diff A B [--cdr] [--work DIR] [--tariffs DIR]
      A and B are bill runs (B0000001 or a directory). Prints LINE rows for each C-line field
      that differs, TOTAL rows for account totals, GRAND rows for grand totals; --cdr adds, under
      each differing line, the rated records behind it whose blocks differ (needs --tariffs).
    exit: 0 same, 1 different, 2 usage, 3 configuration error (--cdr) or not a work area,
          5 I/O failure, 130/143 interrupted (Ctrl-C/SIGTERM)
    """

    static let report = """
    usage: cdrate report RUN|BILLRUN [--out FILE] [--work DIR]
      writes one self-contained HTML page (no script, nothing fetched; charts are inline SVG;
      it prints well) of a run (R0000001), a rerate generation (G1, or cycles/YYYYMM/G1) or a
      bill run (B0000001), each an id or a directory. A run: reconciliation, records per hour
      and call type, rejects by reason and switch, duplicates, quarantined files, alarms, HU
      levels, fraud flags by rule. A bill run: totals, revenue by category and province, the
      largest accounts, caps applied, settlement per partner and operator. Every figure is the
      one in the files.
      --out FILE  where to write it (default report-R0000001.html, report-YYYYMM-G1.html or
                  report-YYYYMM-B0000001.html in the current directory; - for stdout)
    exit: 0 written, 2 usage (no such run, or an id in several cycles), 3 not a work area,
          5 I/O failure (a file of the directory missing or damaged, --out not writable),
          130/143 interrupted (Ctrl-C/SIGTERM)
    """

    static let explain = """
    usage: cdrate explain SWITCH:SEQ:REC [--run RUN] [--tariffs DIR] [--work DIR]
      why one record came out as it did: the raw record field by field, each check (for a
      reject: which failed, on what, and what would make it pass), the duplicate decision,
      location, border and roaming status, each party's normalization and numbering row,
      day type and band, each component with its tariff row (FILE:LINE), units and gross,
      each discount with its rule and pool before and after, the net, HU/HUR before and
      after, and each fraud rule that fired. It runs the run's own record stages again, with
      a trace, over the record's IMSI's records of the run, from the state the run started
      from; the line they write must be the run's, byte for byte.
      --run RUN      a run (R0000002), a rerate generation (G1, or cycles/YYYYMM/G1) or a bill
                     run (B0000001: the run or generation it billed the record from); each an
                     id or a directory. Default: the latest run that has the record
      --tariffs DIR  the reference tables the run used (default Tariffs); they must match the
                     checksums of the run's MANIFEST
    exit: 0 explained; 1 no such record in the run (or in any run); 2 usage (or no such run);
          3 configuration error or not a work area; 5 the tables differ from the run's
          MANIFEST (naming the table), the state the run started from is no longer kept or is
          damaged, or an input is missing or altered; 130/143 interrupted (Ctrl-C/SIGTERM)
    """

    /// The usage text of `command`, nil for a word that is no command (`generate`
    /// prints its own).
    static func of(_ command: String) -> String? {
        switch command {
        case "run": return run
        case "collect": return collect
        case "reprocess": return reprocess
        case "rejects": return rejects
        case "bill": return bill
        case "verify": return verify
        case "rerate": return rerate
        case "diff": return diff
        case "report": return report
        case "explain": return explain
        case "rate": return rate
        case "merge": return merge
        default: return nil
        }
    }
}
