import ArgumentParser
/// What `proctor score-text`'s files hold.
enum PredictionInput: String, ExpressibleByArgument, CaseIterable {
    case auto, fields
    case lmEval = "lm-eval"
}
