import ArgumentParser
import Foundation
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

    func validate() throws {
        if results.isEmpty { throw ValidationError("give at least one results file") }
        if !["md", "csv", "summary-csv", "json", "html"].contains(format) {
            throw ValidationError("--format must be md, csv, summary-csv, json or html")
        }
    }

    func run() throws {
        let (records, duplicates) = try ResultMerge.merge(results)
        if duplicates > 0 { warn("\(duplicates) samples appear in more than one file; each counted once") }
        let report = CodeReport(records: records)
        let text: String
        switch format {
        case "csv": text = report.csv()
        case "summary-csv": text = report.summaryCSV()
        case "json": text = try report.json()
        case "html":
            var statements: [String: String] = [:]
            if let problems {
                for problem in try loadProblems(problems) { statements[problem.id] = problem.statement }
            }
            text = HTMLReport(report: report, statements: statements).render()
        default: text = report.markdown()
        }
        if let out {
            try text.write(toFile: out, atomically: true, encoding: .utf8)
        } else {
            print(text, terminator: "")
        }
    }
}
