"""Decodes, with transformers + PEFT, exactly the prompt Proctor recorded for one sample of a
LoRA checkpoint, and prints both outputs: is what the adapter writes the adapter's doing, or
Proctor's? The base is read from the same GGUF (dequantized to float32 by transformers' GGUF
loader), the adapter applied unmerged, greedy, up to as many tokens as Proctor generated.

Usage (the venv from scripts/fixtures/make_torch_venv.sh; nothing is fetched from the hub):
    HF_HUB_OFFLINE=1 .venv-torch/bin/python bench/peft_greedy_check.py MODEL.gguf ADAPTER_DIR \\
        SAMPLES.jsonl PROBLEM_ID
    e.g. … .cache/models/qwen2.5-coder-1.5b-instruct-q4_k_m.gguf adapters/qwen1.5b-deep \\
        runs/demo/samples/qwen1.5b-deep.jsonl e004-digit-sum-divisor
Exits 1 when the two outputs differ.
"""
import json
import os
import sys
import time

import torch
from peft import PeftModel
from transformers import AutoModelForCausalLM, AutoTokenizer


def main():
    gguf, adapter, samples, problem = sys.argv[1:5]
    torch.set_num_threads(2)
    folder, name = os.path.split(os.path.abspath(gguf))
    tokenizer = AutoTokenizer.from_pretrained(folder, gguf_file=name)
    model = PeftModel.from_pretrained(AutoModelForCausalLM.from_pretrained(folder, gguf_file=name, dtype=torch.float32),
                                      adapter).eval()
    record = next(r for r in map(json.loads, open(samples)) if r["problem_id"] == problem)
    ids = tokenizer(record["prompt"], add_special_tokens=False, return_tensors="pt")["input_ids"]
    print(f"prompt: {ids.shape[1]} tokens here, {record['prompt_tokens']} in Proctor's record", flush=True)
    started = time.time()
    with torch.no_grad():
        out = model.generate(ids, max_new_tokens=record["completion_tokens"], do_sample=False)
    text = tokenizer.decode(out[0, ids.shape[1]:], skip_special_tokens=True)
    print(f"generated in {time.time() - started:.0f} s")
    print("=== transformers + PEFT ===\n" + text + "\n=== Proctor ===\n" + record["output"])
    # Proctor's output stops before its stop string; PEFT's runs to the same token count.
    same = text.startswith(record["output"])
    print("the same" if same else "DIFFERENT")
    sys.exit(0 if same else 1)


if __name__ == "__main__":
    main()
