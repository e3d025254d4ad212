import Judge

/// Reads one or more results files (shards of a run, or runs of different checkpoints) into one
/// list: manifests must agree, and a sample judged twice is kept once.
public enum ResultMerge {
    public static func merge(_ paths: [String]) throws -> (records: [ResultRecord], duplicates: Int) {
        var reference: (path: String, manifest: ResultManifest)?
        var seen: Set<SampleKey> = []
        var records: [ResultRecord] = []
        var duplicates = 0
        for path in paths {
            if let manifest = ResultFile.readManifest(for: path) {
                if let reference, !reference.manifest.isCompatible(with: manifest) {
                    throw JudgeError("was judged differently from \(reference.path) (problems hash, harness version "
                        + "or settings differ; see the .manifest.json files)", file: path)
                }
                if reference == nil { reference = (path, manifest) }
            }
            for record in try ResultFile.read(path) {
                if seen.insert(record.key).inserted {
                    records.append(record)
                } else {
                    duplicates += 1
                }
            }
        }
        return (records, duplicates)
    }
}
