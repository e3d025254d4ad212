import Metrics
import TextScoring

/// Text predictions scored alongside the code (the inputs of `proctor score-text`): one file per
/// checkpoint, the same items in the same order, scored under one task.
public struct TextPredictionSet: Sendable, Equatable, Encodable {
    /// The table's title, e.g. "squad-dev".
    public var name: String
    /// qa, gsm8k, mc or classification.
    public var task: String
    /// qa only: seed (the study's definitions) or squad.
    public var profile: String
    public var goldField: String
    public var predictionField: String
    /// Checkpoint label → predictions file.
    public var predictions: [String: String]

    public init(name: String, task: String = "qa", profile: String = "seed", goldField: String = "gold",
                predictionField: String = "prediction", predictions: [String: String]) {
        self.name = name
        self.task = task
        self.profile = profile
        self.goldField = goldField
        self.predictionField = predictionField
        self.predictions = predictions
    }

    static let keys = ["name", "task", "profile", "gold_field", "prediction_field", "predictions"]

    enum CodingKeys: String, CodingKey {
        case name, task, profile, goldField = "gold_field", predictionField = "prediction_field", predictions
    }

    init(_ object: ConfigObject, base: String) throws {
        try object.rejectUnknownKeys(Self.keys)
        task = try object.string("task") ?? "qa"
        name = try object.string("name") ?? task
        profile = try object.string("profile") ?? "seed"
        goldField = try object.string("gold_field") ?? "gold"
        predictionField = try object.string("prediction_field") ?? "prediction"
        guard TextScoringTask(rawValue: task) != nil else {
            throw object.fail("task", "'\(task)' is not one of: " + TextScoringTask.allCases.map(\.rawValue).joined(separator: ", "))
        }
        guard TextScoringProfile(rawValue: profile) != nil else {
            throw object.fail("profile", "'\(profile)' is not one of: "
                + TextScoringProfile.allCases.map(\.rawValue).joined(separator: ", "))
        }
        guard let files = try object.object("predictions") else {
            throw object.fail("predictions", "missing (an object: checkpoint label → predictions file)")
        }
        var predictions: [String: String] = [:]
        for key in files.values.keys {
            guard let path = try files.string(key) else { throw files.fail(key, "expected a file path") }
            predictions[key] = EvalConfig.resolve(path, base: base)
        }
        self.predictions = predictions
    }
}
