import ArgumentParser
import Foundation
import Judge
import Reports

/// `proctor report`: tables from one or more results files (shards are merged).
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Summarise results: Pass@1 with confidence intervals, pass@k, paired tests, per-problem tables.",
        discussion: """
            Give every results file of a run (shards, or one file per checkpoint); they are merged, \
            a sample judged twice counts once, and files judged with different problems or settings \
            are refused. The first checkpoint seen is the baseline of the comparisons.

            Intervals are 95%: Wilson when every problem has one sample, a bootstrap over problems \
            otherwise. Comparisons are paired on shared problems: exact McNemar with one sample \
            each, a paired bootstrap otherwise.

            Examples:
              proctor report results.jsonl
              proctor report shard-*.jsonl --format csv --out per-problem.csv
              proctor report base.jsonl lora.jsonl --format json
              proctor report results.jsonl --format html --problems problems/ --out report.html
            """)

    @Argument(help: "Results files.")
    var results: [String]

    @Option(help: "md (default), csv (per problem and checkpoint), summary-csv, json, or html (a self-contained page).")
    var format: String = "md"

    @Option(help: "The problem set, to quote statements in the HTML page's 'where they differ' panels.")
    var problems: String?

    @Option(help: "Write to this file instead of standard output.")
    var out: String?

    @Option(help: ArgumentHelp("Only problems released on or after this date (needs --problems; a problem's release_date, or a LiveCodeBench problem's contest date).", valueName: "YYYY-MM-DD"))
    var after: String?

    @Option(help: ArgumentHelp("Only problems released before this date (needs --problems).", valueName: "YYYY-MM-DD"))
    var before: String?

    @Option(help: ArgumentHelp("md and html: add Pass@1 per release window, month or quarter (needs --problems).", valueName: "period"))
    var window: ReleaseWindows.Period?

    func validate() throws {
        if results.isEmpty { throw ValidationError("give at least one results file") }
        if !["md", "csv", "summary-csv", "json", "html"].contains(format) {
            throw ValidationError("--format must be md, csv, summary-csv, json or html")
        }
        for (name, date) in [("--after", after), ("--before", before)] {
            if let date, !Problem.isDate(date) { throw ValidationError("\(name) takes a date written YYYY-MM-DD, not '\(date)'") }
        }
        if (after != nil || before != nil || window != nil) && problems == nil {
            throw ValidationError("--after, --before and --window need --problems, which holds the release dates")
        }
        if window != nil && !["md", "html"].contains(format) { throw ValidationError("--window adds a table to --format md or html") }
    }

    func run() throws {
        var (records, duplicates) = try ResultMerge.merge(results)
        if duplicates > 0 { warn("\(duplicates) samples appear in more than one file; each counted once") }
        let problemList = try problems.map(loadProblems) ?? []
        let releaseDates = Dictionary(problemList.compactMap { problem in problem.releaseDate.map { (problem.id, $0) } },
                                      uniquingKeysWith: { first, _ in first })
        if after != nil || before != nil {
            let all = Set(records.map(\.problemID)).count
            let (kept, undated) = ReleaseWindows.filter(records, releaseDates: releaseDates, after: after, before: before)
            records = kept
            warn("release window [\(after ?? "any"), \(before ?? "any")): \(Set(kept.map(\.problemID)).count) of \(all) problems"
                 + (undated.isEmpty ? "" : "; \(undated.count) without a release date left out"))
            if records.isEmpty { throw CommandFailure("no results on problems released in that window") }
        }
        let report = CodeReport(records: records)
        let windows = window.map { ReleaseWindows.Table(records: records, releaseDates: releaseDates, period: $0) }
        let text: String
        switch format {
        case "csv": text = report.csv()
        case "summary-csv": text = report.summaryCSV()
        case "json": text = try report.json()
        case "html":
            let statements = Dictionary(problemList.map { ($0.id, $0.statement) }, uniquingKeysWith: { first, _ in first })
            var page = HTMLReport(report: report, statements: statements)
            page.releaseWindows = windows
            text = page.render()
        default:
            text = report.markdown() + (windows.map { "\n" + $0.markdown() } ?? "")
        }
        if let out {
            try text.write(toFile: out, atomically: true, encoding: .utf8)
        } else {
            print(text, terminator: "")
        }
    }
}

extension ReleaseWindows.Period: ExpressibleByArgument {}
