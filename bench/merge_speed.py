"""The merge benchmark's reference side: two random rank-16 PEFT adapters on Qwen2.5-1.5B's
module shapes (hidden 1536, intermediate 8960, KV 256, 28 layers, all seven projections), and
PEFT's add_weighted_adapter timed on them.

    merge_speed.py make DIR            # writes DIR/a and DIR/b (PEFT adapter directories)
    merge_speed.py peft DIR METHOD     # prints the seconds add_weighted_adapter takes
"""

import os
import sys
import time

import torch
from peft import LoraConfig, PeftModel
from safetensors.torch import save_file
from transformers import Qwen2Config, Qwen2ForCausalLM

LAYERS, HIDDEN, INTERMEDIATE, KV, RANK = 28, 1536, 8960, 256, 16
SHAPES = {  # module suffix -> (out, in)
    "self_attn.q_proj": (HIDDEN, HIDDEN), "self_attn.k_proj": (KV, HIDDEN), "self_attn.v_proj": (KV, HIDDEN),
    "self_attn.o_proj": (HIDDEN, HIDDEN), "mlp.gate_proj": (INTERMEDIATE, HIDDEN),
    "mlp.up_proj": (INTERMEDIATE, HIDDEN), "mlp.down_proj": (HIDDEN, INTERMEDIATE),
}
TARGETS = ["q_proj", "k_proj", "v_proj", "o_proj", "gate_proj", "up_proj", "down_proj"]


def make(directory):
    for index, name in enumerate(["a", "b"]):
        generator = torch.Generator().manual_seed(index)
        tensors = {}
        for layer in range(LAYERS):
            for suffix, (out, inp) in SHAPES.items():
                key = f"base_model.model.model.layers.{layer}.{suffix}"
                tensors[key + ".lora_A.weight"] = torch.randn(RANK, inp, generator=generator) / inp ** 0.5
                tensors[key + ".lora_B.weight"] = torch.randn(out, RANK, generator=generator) * 0.01
        path = os.path.join(directory, name)
        os.makedirs(path, exist_ok=True)
        save_file(tensors, os.path.join(path, "adapter_model.safetensors"), metadata={"format": "pt"})
        LoraConfig(r=RANK, lora_alpha=2 * RANK, target_modules=TARGETS, task_type="CAUSAL_LM").save_pretrained(path)


def base():
    """A Qwen2.5-1.5B-shaped model (small vocabulary) with uninitialised weights: the merge reads only the adapters."""
    config = Qwen2Config(vocab_size=1024, hidden_size=HIDDEN, intermediate_size=INTERMEDIATE, num_hidden_layers=LAYERS,
                         num_attention_heads=12, num_key_value_heads=2, tie_word_embeddings=True)
    with torch.device("meta"):
        model = Qwen2ForCausalLM(config)
    return model.to_empty(device="cpu")


def peft(directory, method):
    model = PeftModel.from_pretrained(base(), os.path.join(directory, "a"), adapter_name="a")
    model.load_adapter(os.path.join(directory, "b"), adapter_name="b")
    arguments = dict(density=0.2) if "ties" in method else dict(svd_rank=RANK)
    started = time.perf_counter()
    model.add_weighted_adapter(["a", "b"], [0.5, 0.5], "merged", combination_type=method, **arguments)
    print(f"{time.perf_counter() - started:.3f}")


if __name__ == "__main__":
    torch.manual_seed(0)
    if sys.argv[1] == "make":
        make(sys.argv[2])
    else:
        peft(sys.argv[2], sys.argv[3])
