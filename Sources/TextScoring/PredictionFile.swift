import JSONLines
import Metrics

/// The scorable items of one prediction file, with where each came from.
public struct PredictionFile: Sendable {
    /// The path as given.
    public let path: String
    /// Items in file order.
    public let items: [TextAnswerItem]
    /// The 1-based line of each item.
    public let lineNumbers: [Int]
    /// Lines that were skipped with `skipInvalid`, with the reason.
    public let skipped: [JSONLinesError]

    /// Reads `path`, taking golds (a string or a list of strings) and the prediction from the
    /// named fields. Without `skipInvalid` the first bad line throws; with it, bad lines are
    /// collected in `skipped`.
    public init(path: String, goldField: String, predictionField: String, skipInvalid: Bool) throws(JSONLinesError) {
        let reader = try JSONLinesReader(path: path, fields: [goldField, predictionField])
        var items: [TextAnswerItem] = [], lineNumbers: [Int] = [], skipped: [JSONLinesError] = []
        while true {
            do {
                guard let record = try reader.next() else { break }
                let golds = try record.strings(goldField, file: path)
                let prediction = try record.string(predictionField, file: path)
                items.append(TextAnswerItem(golds: golds, prediction: prediction))
                lineNumbers.append(record.lineNumber)
            } catch {
                guard skipInvalid, error.line != nil else { throw error }
                skipped.append(error)
            }
        }
        self.path = path
        self.items = items
        self.lineNumbers = lineNumbers
        self.skipped = skipped
    }
}
