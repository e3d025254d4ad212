"""Checks the module graph: that docs/ARCHITECTURE.md's graph is the one Package.swift declares,
and that no source file imports a module of this package its target does not declare (Swift
lets a target import what it only reaches through another, which hides the real layering).

Usage: python3 scripts/check-modules.py [--write]
  --write   rewrites the graph in docs/ARCHITECTURE.md from Package.swift
Reads `swift package dump-package`; exits 1 naming each difference.
"""
import json
import pathlib
import re
import subprocess
import sys

root = pathlib.Path(__file__).resolve().parent.parent
doc = root / "docs" / "ARCHITECTURE.md"
begin, end = "<!-- module-graph:begin (scripts/check-modules.py --write) -->", "<!-- module-graph:end -->"

package = json.loads(subprocess.run(["swift", "package", "dump-package"], cwd=root, check=True,
                                    capture_output=True, text=True).stdout)
targets = {t["name"]: t for t in package["targets"]}


def dependencies(target):
    """(this package's modules, other packages' products) a target declares."""
    local, external = [], []
    for dependency in target["dependencies"]:
        if "byName" in dependency:
            local.append(dependency["byName"][0])
        elif "target" in dependency:
            local.append(dependency["target"][0])
        elif "product" in dependency:
            external.append(dependency["product"][0])
    return local, external


def graph():
    """One line per library or executable module: what it depends on, leaves first."""
    order, seen = [], set()

    def visit(name):
        if name in seen or name not in targets:
            return
        seen.add(name)
        for dependency in dependencies(targets[name])[0]:
            visit(dependency)
        order.append(name)

    for name in sorted(targets):
        if targets[name]["type"] != "test" and name != "TestSupport":
            visit(name)
    lines = []
    for name in order:
        local, external = dependencies(targets[name])
        kind = {"system": " (system library)", "executable": " (the CLI)"}.get(targets[name]["type"], "")
        uses = ", ".join(sorted(local) + [f"{e} (package)" for e in sorted(external)]) or "(leaf)"
        lines.append(f"{name}{kind} → {uses}")
    return "```\n" + "\n".join(lines) + "\n```"


def source_folder(name):
    target = targets[name]
    if target.get("path"):
        return root / target["path"]
    return root / ("Tests" if target["type"] == "test" else "Sources") / name


problems = []
for name, target in sorted(targets.items()):
    if target["type"] == "system":
        continue
    declared = set(dependencies(target)[0])
    folder = source_folder(name)
    for path in sorted(folder.rglob("*.swift")):
        for number, line in enumerate(path.read_text().splitlines(), 1):
            match = re.match(r"\s*(?:@testable\s+)?import\s+(\w+)\s*$", line)
            if match and match.group(1) in targets and match.group(1) not in declared and match.group(1) != name:
                problems.append(f"{path.relative_to(root)}:{number}: imports {match.group(1)}, "
                                f"which target {name} does not declare in Package.swift")

text = doc.read_text()
if begin not in text or end not in text:
    problems.append(f"{doc.relative_to(root)}: no module graph between {begin} and {end}")
else:
    head, rest = text.split(begin, 1)
    current, tail = rest.split(end, 1)
    wanted = "\n" + graph() + "\n"
    if "--write" in sys.argv[1:]:
        doc.write_text(head + begin + wanted + end + tail)
    elif current != wanted:
        problems.append(f"{doc.relative_to(root)}: the module graph differs from Package.swift; "
                        "run python3 scripts/check-modules.py --write")

for problem in problems:
    print(problem, file=sys.stderr)
sys.exit(1 if problems else 0)
