extension Generate {
    /// `proctor generate --help`'s discussion: the model, prompt and problem-set modes, and the
    /// remote backend, with examples.
    static let discussion = """
            --model is a GGUF file or a Hugging Face folder (config.json; model.safetensors or \
            shards with model.safetensors.index.json; tokenizer.json, optionally \
            tokenizer_config.json and generation_config.json) of a llama, qwen2 or gpt2 model, \
            or the name of a fetched catalog model (`proctor models list`).

            One prompt: the prompt is wrapped in the model's chat template as one user \
            message unless --raw is given. Chat templates of the ChatML and Llama 3 families are \
            recognised; a model with another template is refused unless --chat-template or \
            --raw is given; a model without one (a base model) gets the plain prompt. \
            --chat-template takes chatml, llama3, a Jinja template file, a JSON file with a \
            chat_template key (tokenizer_config.json), or a GGUF (path or fetched catalog name) \
            whose template is read; with --backend openai it makes Proctor template the prompts \
            and send them as completions, prefill included. Special tokens written in the prompt, such as \
            <|im_start|>, are parsed. Timing goes to standard error.

            A problem set (--problems): --prompt-style auto (the default) gives a model with a chat \
            template chat prompts — EvalPlus's instruct prompt for HumanEval-style function problems \
            (the reply prefilled up to its ```python fence), stdin-instruct for stdin problems (the \
            statement under "Write a complete Python 3 program…", the reply opened at ```python and \
            stopped at the closing fence), LiveCodeBench's prompt for call-based ones — and a model \
            without one (or --raw) the plain prompt, HumanEval's completed up to its stop strings \
            ("\\ndef ", "\\nclass ", "\\nif __name__", "\\nprint(", "\\n#"); chat or raw force one kind; \
            livecodebench gives stdin problems LiveCodeBench's exact prompt (### Question / ### Format / \
            ### Answer), for numbers comparable with published LiveCodeBench scores. \
            --extractor (default auto) takes the code from each output. --n samples each are \
            appended to --out as Proctor samples JSONL (problem_id, checkpoint, sample_index, output, \
            code, prompt_format, prompt, token counts, seconds), flushed to disk after each problem; \
            --resume skips what --out holds. \
            The --n samples of a prompt share its KV cache and decode together as one batch; each \
            sample has its own seed derived from --seed, the problem and the index, and is the \
            same text it would be if generated alone. With --prompt, --n > 1 prints the samples \
            (sample i seeded with --seed + i) after "### sample i" lines.

            Stop strings (--stop) end a sample once its text contains one and are cut from the \
            output; the text is then printed at the end instead of streamed.

            Examples:
              proctor generate --model smollm2.gguf --prompt "Write hello world in Python" --max-tokens 64
              proctor generate --model smollm2.gguf --prompt "Write hello world in Python" --n 10 \
                  --temperature 0.8 --repeat-penalty 1.1 --stop "if __name__"
              proctor generate --model ./Qwen2.5-Coder-1.5B-Instruct --prompt "Reverse a list" --max-tokens 64
              proctor generate --model qwen2.5-coder-1.5b-instruct --prompt "Reverse a list" --max-tokens 64
              proctor generate --model smollm2.gguf --problems problems/ --n 1 --max-tokens 384 \
                  --checkpoint-label base --out samples.jsonl

            A server (--backend openai, with --problems): chat requests for chat prompts and \
            completion requests for plain ones go to --base-url with the checkpoint label as the \
            model name (vLLM's name for a LoRA module) unless --remote-model is given; --n samples \
            per request where the server honours n; --concurrency requests in flight; 429, 5xx, \
            timeouts, dropped connections and malformed answers are retried with backoff.
              proctor generate --backend openai --base-url http://127.0.0.1:8000/v1 \
                  --problems problems/ --n 10 --temperature 0.8 --checkpoint-label my-lora --out samples.jsonl
            """
}
