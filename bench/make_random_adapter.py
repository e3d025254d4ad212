"""Writes a random PEFT LoRA adapter for a model's shapes (for speed measurements only).

    make_random_adapter.py OUT_DIR [RANK]

Shapes are SmolLM2-135M's (hidden 576, intermediate 1536, 30 layers, 9 heads, 3 KV heads); the
adapter targets all seven projections with lora_alpha = 2·rank and seeded random A and B.
"""
import sys

import torch
from peft import LoraConfig, get_peft_model
from transformers import LlamaConfig, LlamaForCausalLM

out_dir, rank = sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 16
torch.manual_seed(0)
config = LlamaConfig(vocab_size=49152, hidden_size=576, intermediate_size=1536, num_hidden_layers=30,
                     num_attention_heads=9, num_key_value_heads=3, max_position_embeddings=2048,
                     tie_word_embeddings=True)
with torch.device("meta"):
    model = LlamaForCausalLM(config)
model = model.to_empty(device="cpu")
peft_model = get_peft_model(model, LoraConfig(
    r=rank, lora_alpha=2 * rank, lora_dropout=0.0,
    target_modules=["q_proj", "k_proj", "v_proj", "o_proj", "gate_proj", "up_proj", "down_proj"]))
with torch.no_grad():
    for name, parameter in peft_model.named_parameters():
        if "lora_" in name:
            parameter.copy_(torch.randn(parameter.shape) * 0.01)
peft_model.save_pretrained(out_dir)
print(out_dir)
