"""Talks to an OpenAI-compatible server with OpenAI's own Python client (the `openai` package),
as users' scripts do, and prints what it got as one JSON object.

Usage: openai_client.py BASE_URL MODEL API_KEY [ADAPTER]   (ADAPTER: a served adapter's name)
"""
import json
import sys

import openai

base_url, model, api_key = sys.argv[1:4]
adapter = sys.argv[4] if len(sys.argv) > 4 else None
client = openai.OpenAI(base_url=base_url, api_key=api_key, max_retries=0, timeout=120)
summary = {"models": [m.id for m in client.models.list().data]}

request = dict(model=model, messages=[{"role": "user", "content": "Say hi"}],
               max_tokens=16, temperature=0, n=2, stop=[" meet"])
whole = client.chat.completions.create(**request)
summary["whole"] = {
    "texts": [c.message.content for c in sorted(whole.choices, key=lambda c: c.index)],
    "roles": [c.message.role for c in whole.choices],
    "finish_reasons": [c.finish_reason for c in sorted(whole.choices, key=lambda c: c.index)],
    "usage": [whole.usage.prompt_tokens, whole.usage.completion_tokens, whole.usage.total_tokens],
}

texts, finishes, usage = {}, {}, None
for chunk in client.chat.completions.create(**request, stream=True):
    for choice in chunk.choices:
        texts[choice.index] = texts.get(choice.index, "") + (choice.delta.content or "")
        if choice.finish_reason:
            finishes[choice.index] = choice.finish_reason
    if chunk.usage is not None:
        usage = [chunk.usage.prompt_tokens, chunk.usage.completion_tokens, chunk.usage.total_tokens]
summary["streamed"] = {"texts": [texts[i] for i in sorted(texts)],
                       "finish_reasons": [finishes[i] for i in sorted(finishes)], "usage": usage}

completion = client.completions.create(model=model, prompt="def add(a, b):\n", max_tokens=8, temperature=0)
summary["completion"] = {"text": completion.choices[0].text, "finish_reason": completion.choices[0].finish_reason}

try:
    openai.OpenAI(base_url=base_url, api_key=api_key + "-wrong", max_retries=0).models.list()
    summary["wrong_key"] = "accepted"
except openai.AuthenticationError as error:
    summary["wrong_key"] = {"status": error.status_code, "code": error.code}

try:
    client.chat.completions.create(model="no-such-model", messages=[{"role": "user", "content": "hi"}])
    summary["unknown_model"] = "accepted"
except openai.NotFoundError as error:
    summary["unknown_model"] = {"status": error.status_code, "code": error.code}

if adapter:
    tuned = client.completions.create(model=adapter, prompt="def add(a, b):\n", max_tokens=8, temperature=0)
    summary["adapter"] = {"model": tuned.model, "text": tuned.choices[0].text}

# A client that hangs up mid-stream: the next request is answered as if nothing happened.
stream = client.chat.completions.create(model=model, messages=[{"role": "user", "content": "Count to fifty"}],
                                        max_tokens=200, temperature=0, stream=True)
first = next(iter(stream))
stream.close()
again = client.completions.create(model=model, prompt="def add(a, b):\n", max_tokens=8, temperature=0)
summary["after_hang_up"] = {"first_chunk_id": bool(first.id), "text": again.choices[0].text}

try:
    client.completions.create(model=model, prompt="hello " * 9000, max_tokens=4)
    summary["over_long"] = "accepted"
except openai.BadRequestError as error:
    summary["over_long"] = {"status": error.status_code, "message": str(error), "code": error.code, "param": error.param}

print(json.dumps(summary))
