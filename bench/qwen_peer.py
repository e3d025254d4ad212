"""llama-cpp-python's side of the Qwen2.5-Coder prefill and decode comparison.

Usage: qwen_peer.py MODEL.gguf PROMPT.txt
Prefill: `eval` of the whole raw prompt (n_batch 512, 2 threads); decode: 31 greedy steps
after it (32 tokens counting the one sampled from the prompt's logits), as `proctor generate
--raw --max-tokens 32 --temperature 0 --threads 2` counts them. bench/qwen_speed.sh runs both
engines alternately.
"""
import sys, time, numpy as np, llama_cpp
model, text = sys.argv[1], open(sys.argv[2]).read()
llm = llama_cpp.Llama(model_path=model, n_ctx=1024, n_batch=512, n_threads=2, n_threads_batch=2, verbose=False)
ids = llm.tokenize(text.encode(), add_bos=False, special=True)
llm.reset(); t=time.perf_counter(); llm.eval(ids); pre=len(ids)/(time.perf_counter()-t)
nv=llm.n_vocab(); tok=int(np.argmax(np.ctypeslib.as_array(llama_cpp.llama_get_logits_ith(llm.ctx,-1),shape=(nv,))))
t=time.perf_counter()
for _ in range(31):
    llm.eval([tok]); tok=int(np.argmax(np.ctypeslib.as_array(llama_cpp.llama_get_logits_ith(llm.ctx,-1),shape=(nv,))))
print(f"llama.cpp prompt {len(ids)} tokens, {pre:.1f} tokens/s; decode {32/(time.perf_counter()-t):.1f} tokens/s")
