"""Completes, with llama.cpp, exactly the prompts a Proctor samples file recorded.

Usage: humaneval_llama_cpp.py MODEL.gguf PROCTOR_SAMPLES.jsonl OUT.jsonl

Each record's `prompt` (the full text Proctor tokenized, chat template and any prefilled reply
start included) is tokenized by llama.cpp with special tokens parsed and no BOS, as Proctor
does, and completed greedily (temperature 0) up to the run's max tokens (768, or $MAX_TOKENS) with the record's
`stop` strings. OUT gets Proctor's samples format with checkpoint "llama.cpp" and the raw
`output` (no `code`), plus the record's extractor and starts_in_code, so `proctor judge`
extracts the code by the same rule as it did for Proctor's samples. Records already in OUT
are kept (the script resumes); progress goes to stderr.
"""
import json
import os
import sys
import time

import llama_cpp

# The run's new-token limit: 768 for HumanEval; a caller with another sets MAX_TOKENS.
MAX_TOKENS = int(os.environ.get("MAX_TOKENS", "768"))


def main():
    model, samples_path, out_path = sys.argv[1:4]
    records = [json.loads(line) for line in open(samples_path) if line.strip()]
    done = set()
    if os.path.exists(out_path):
        for line in open(out_path):
            if line.strip():
                record = json.loads(line)
                done.add((record["problem_id"], record["sample_index"]))
    llm = llama_cpp.Llama(model, n_ctx=2048, n_threads=2, n_batch=512, verbose=False)
    started = time.time()
    with open(out_path, "a") as out:
        for number, record in enumerate(records, 1):
            key = (record["problem_id"], record["sample_index"])
            if key in done:
                continue
            tokens = llm.tokenize(record["prompt"].encode(), add_bos=False, special=True)
            completion = llm.create_completion(tokens, max_tokens=MAX_TOKENS, temperature=0.0, top_k=1,
                                               stop=record.get("stop") or None, repeat_penalty=1.0, seed=0)
            choice = completion["choices"][0]
            sample = {"problem_id": record["problem_id"], "checkpoint": "llama.cpp",
                      "sample_index": record["sample_index"], "output": choice["text"],
                      "extractor": record.get("extractor", "auto"),
                      "prompt_tokens": completion["usage"]["prompt_tokens"],
                      "completion_tokens": completion["usage"]["completion_tokens"],
                      "stop_reason": choice["finish_reason"]}
            if record.get("starts_in_code"):
                sample["starts_in_code"] = True
            if record.get("response_prefix"):
                sample["response_prefix"] = record["response_prefix"]
            out.write(json.dumps(sample) + "\n")
            out.flush()
            print(f"llama.cpp {number}/{len(records)} {record['problem_id']}: "
                  f"{sample['completion_tokens']} tokens, {time.time() - started:.0f} s", file=sys.stderr)


main()
