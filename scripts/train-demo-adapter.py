"""Trains the demo LoRA adapter: PEFT LoRA on SmolLM2-135M-Instruct for Python solutions in the
problems' style (statement in, ```python solution``` out), on the CPU, deterministically.

    train-demo-adapter.py GGUF_PATH OUT_DIR [--epochs 3] [--rank 4] [--hold-out 20] [--seed 0]

The base is read from the cached GGUF with transformers' GGUF loader (dequantized to float32;
Q/K rows permuted back to the Hugging Face layout), so the adapter is in HF/PEFT layout.
Examples: problems/*/statement.md with its solution.py. The prompt is the one `proctor eval` gives
the model (LiveCodeBench's system message and "### Question / ### Format / ### Answer", in the
model's chat template); the answer is the solution in a ```python block, and the loss is on the
answer tokens only. The first --hold-out problems in sorted order (20: the demo's evaluation set,
configs/demo.json) are never trained on, so the demo measures transfer, not memorisation. The
adapter is saved in float16 (about 2.5 MB at rank 4) so that it can be committed. Seeded (torch,
example order) with deterministic algorithms and 2 threads: the same machine gives the same adapter.
"""

import argparse
import glob
import json
import os
import random
import time

import torch
from peft import LoraConfig, get_peft_model
from transformers import AutoModelForCausalLM, AutoTokenizer

TARGETS = ["q_proj", "k_proj", "v_proj", "o_proj", "gate_proj", "up_proj", "down_proj"]
MAX_TOKENS = 1536


# LiveCodeBench's code-generation prompt exactly as Proctor builds it for a chat model
# (Sources/Judge/Prompts/CodeGenerationPrompt.swift), so the adapter learns the prompt it is
# evaluated with.
SYSTEM = ("You are an expert Python programmer. You will be given a question (problem specification) and will "
          "generate a correct Python program that matches the specification and passes all tests. You will NOT "
          "return anything except for the program.")
FORMAT = ("Read the inputs from stdin solve the problem and write the answer to stdout (do not directly test on the "
          "sample inputs). Enclose your code within delimiters as follows.")


def user_message(statement):
    return (f"### Question:\n{statement}\n\n### Format: {FORMAT}\n```python\n# YOUR CODE HERE\n```\n\n"
            "### Answer: (use the provided format with backticks)\n\n")


def examples(repo_root, tokenizer, hold_out):
    """(input ids, labels) per training problem: the prompt masked with -100, the answer learned."""
    result = []
    folders = sorted(glob.glob(os.path.join(repo_root, "problems", "*", "")))
    for folder in folders[hold_out:]:
        statement_path, solution_path = os.path.join(folder, "statement.md"), os.path.join(folder, "solution.py")
        if not (os.path.exists(statement_path) and os.path.exists(solution_path)):
            continue
        statement = open(statement_path, encoding="utf-8").read()
        answer = "```python\n" + open(solution_path, encoding="utf-8").read().strip() + "\n```"
        answer_ids = tokenizer(answer + "<|im_end|>", add_special_tokens=False)["input_ids"]
        prompt = tokenizer.apply_chat_template(
            [{"role": "system", "content": SYSTEM}, {"role": "user", "content": user_message(statement)}],
            tokenize=False, add_generation_prompt=True)
        prompt_ids = tokenizer(prompt, add_special_tokens=False)["input_ids"]
        if len(prompt_ids) + len(answer_ids) > MAX_TOKENS:
            print(f"  skipped {os.path.basename(folder[:-1])}: {len(prompt_ids) + len(answer_ids)} tokens > {MAX_TOKENS}")
            continue
        result.append((torch.tensor([prompt_ids + answer_ids]), torch.tensor([[-100] * len(prompt_ids) + answer_ids])))
    return result


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("gguf")
    parser.add_argument("out")
    parser.add_argument("--epochs", type=int, default=3)
    parser.add_argument("--rank", type=int, default=4)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--hold-out", type=int, default=20)
    args = parser.parse_args()

    torch.manual_seed(args.seed)
    random.seed(args.seed)
    torch.use_deterministic_algorithms(True)
    torch.set_num_threads(2)
    repo_root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    folder, name = os.path.split(os.path.abspath(args.gguf))

    started = time.time()
    tokenizer = AutoTokenizer.from_pretrained(folder, gguf_file=name)
    model = AutoModelForCausalLM.from_pretrained(folder, gguf_file=name, dtype=torch.float32)
    print(f"base loaded from {args.gguf} in {time.time() - started:.1f} s", flush=True)

    config = LoraConfig(r=args.rank, lora_alpha=2 * args.rank, lora_dropout=0.0, target_modules=TARGETS,
                        task_type="CAUSAL_LM", base_model_name_or_path="HuggingFaceTB/SmolLM2-135M-Instruct")
    model = get_peft_model(model, config)
    # PEFT records the folder the base was read from; name the model the GGUF was converted from.
    model.peft_config["default"].base_model_name_or_path = "HuggingFaceTB/SmolLM2-135M-Instruct"
    model.print_trainable_parameters()
    data = examples(repo_root, tokenizer, args.hold_out)
    print(f"{len(data)} examples, {sum(ids.shape[1] for ids, _ in data)} tokens per epoch", flush=True)

    optimizer = torch.optim.AdamW([p for p in model.parameters() if p.requires_grad], lr=5e-4, weight_decay=0.0)
    model.train()
    step = 0
    train_started = time.time()
    for epoch in range(args.epochs):
        order = list(range(len(data)))
        random.Random(args.seed + epoch).shuffle(order)
        total = 0.0
        for position, index in enumerate(order):
            ids, labels = data[index]
            loss = model(input_ids=ids, labels=labels).loss
            loss.backward()
            optimizer.step()
            optimizer.zero_grad()
            total += loss.item()
            step += 1
            if position % 10 == 9:
                print(f"  step {step}: loss {loss.item():.4f} ({time.time() - train_started:.0f} s)", flush=True)
        print(f"epoch {epoch + 1}: mean loss {total / len(order):.4f} ({time.time() - train_started:.0f} s)")

    for name, parameter in model.named_parameters():
        if "lora_" in name:
            parameter.data = parameter.data.to(torch.float16)
    model.save_pretrained(args.out)
    readme = os.path.join(args.out, "README.md")
    if os.path.exists(readme):
        os.remove(readme)
    size = os.path.getsize(os.path.join(args.out, "adapter_model.safetensors"))
    print(json.dumps({"out": args.out, "steps": step, "train_seconds": round(time.time() - train_started, 1),
                      "adapter_bytes": size}))


if __name__ == "__main__":
    main()
