"""Trains the demo LoRA adapter: PEFT LoRA on SmolLM2-135M-Instruct for Python solutions in the
problems' style (statement in, ```python solution``` out), on the CPU, deterministically.

    train-demo-adapter.py GGUF_PATH OUT_DIR [--epochs N] [--rank R]

The base is read from the cached GGUF with transformers' GGUF loader (dequantized to float32;
Q/K rows permuted back to the Hugging Face layout), so the adapter is in HF/PEFT layout.
Examples: every problems/*/statement.md with its solution.py, in the model's chat template; the
loss is on the answer tokens only. Seeded (torch, example order), one thread order: the same
machine gives the same adapter.
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
MAX_TOKENS = 320


def examples(repo_root, tokenizer):
    """(input ids, labels) per problem: the prompt masked with -100, the answer learned."""
    result = []
    for folder in sorted(glob.glob(os.path.join(repo_root, "problems", "*", ""))):
        statement_path, solution_path = os.path.join(folder, "statement.md"), os.path.join(folder, "solution.py")
        if not (os.path.exists(statement_path) and os.path.exists(solution_path)):
            continue
        statement = open(statement_path).read().strip()
        answer = "```python\n" + open(solution_path).read().strip() + "\n```"
        answer_ids = tokenizer(answer + "<|im_end|>", add_special_tokens=False)["input_ids"]
        budget = MAX_TOKENS - len(answer_ids) - 24
        statement_ids = tokenizer(statement, add_special_tokens=False)["input_ids"][:max(budget, 32)]
        statement = tokenizer.decode(statement_ids)
        prompt = tokenizer.apply_chat_template(
            [{"role": "user", "content": "Solve this problem in Python, reading standard input.\n\n" + statement}],
            tokenize=False, add_generation_prompt=True)
        prompt_ids = tokenizer(prompt, add_special_tokens=False)["input_ids"]
        ids = (prompt_ids + answer_ids)[:MAX_TOKENS]
        labels = ([-100] * len(prompt_ids) + answer_ids)[:MAX_TOKENS]
        result.append((torch.tensor([ids]), torch.tensor([labels])))
    return result


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("gguf")
    parser.add_argument("out")
    parser.add_argument("--epochs", type=int, default=1)
    parser.add_argument("--rank", type=int, default=8)
    parser.add_argument("--seed", type=int, default=0)
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
    model.print_trainable_parameters()
    data = examples(repo_root, tokenizer)
    print(f"{len(data)} examples, {sum(ids.shape[1] for ids, _ in data)} tokens per epoch")

    optimizer = torch.optim.AdamW([p for p in model.parameters() if p.requires_grad], lr=3e-4, weight_decay=0.0)
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

    model.save_pretrained(args.out)
    readme = os.path.join(args.out, "README.md")
    if os.path.exists(readme):
        os.remove(readme)
    size = os.path.getsize(os.path.join(args.out, "adapter_model.safetensors"))
    print(json.dumps({"out": args.out, "steps": step, "train_seconds": round(time.time() - train_started, 1),
                      "adapter_bytes": size}))


if __name__ == "__main__":
    main()
