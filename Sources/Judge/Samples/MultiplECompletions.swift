import Foundation

/// MultiPL-E's completions files: one `<name>.json.gz` (or `.json`) per problem, written by its
/// generator (`multipl_e/completions.py`), holding `name`, `language`, `prompt`, `tests`,
/// `stop_tokens` and `completions`, each completion the model's continuation of the prompt.
enum MultiplECompletions {
    /// The completions files `path` names: the `.json.gz`/`.json` files of a folder (MultiPL-E's
    /// `.results.json.gz` left out), or the file itself; nil when `path` is not in this format.
    static func files(at path: String) -> [String]? {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { return nil }
        if isDirectory.boolValue {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
            let files = names.filter { ($0.hasSuffix(".json.gz") || $0.hasSuffix(".json")) && !$0.contains(".results.json") }
            return files.isEmpty ? nil : files.sorted().map { path + "/" + $0 }
        }
        if path.hasSuffix(".json.gz") { return [path] }
        if path.hasSuffix(".json"), let object = try? object(at: path), object["completions"] != nil { return [path] }
        return nil
    }

    /// The samples of `files`: completion i of problem `name` is sample i.
    static func read(_ files: [String], options: SampleReader.Options) throws -> [Sample] {
        var samples: [Sample] = []
        for file in files {
            let record = try object(at: file)
            guard let name = record["name"] as? String else {
                throw JudgeError("missing or not a string", file: file, field: "name")
            }
            guard let completions = record["completions"] as? [String] else {
                throw JudgeError("missing or not a list of strings", file: file, field: "completions")
            }
            for (index, completion) in completions.enumerated() {
                samples.append(Sample(problemID: name, checkpoint: options.checkpoint, index: index,
                                      code: options.answer(completion)))
            }
        }
        return samples
    }

    private static func object(at path: String) throws -> [String: Any] {
        let bytes = try Inflate.fileContents(path, what: "the completions file")
        guard let object = try? JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any] else {
            throw JudgeError("not a JSON object (MultiPL-E's completions file)", file: path)
        }
        return object
    }
}
