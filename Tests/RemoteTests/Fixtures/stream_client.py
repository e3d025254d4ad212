"""Reads a streamed (server-sent events) answer from an OpenAI-compatible server, as a client
library would, and prints a JSON summary: each choice's text put together from its pieces,
finish reasons, usage, whether the stream ended with [DONE], the number of events. A whole
JSON answer (no stream) is summarised the same way.

    stream_client.py URL BODY_JSON [--stop-after N]   (--stop-after: hang up after N events)
"""
import http.client
import json
import sys
import urllib.parse

url, body = sys.argv[1], json.loads(sys.argv[2])
stop_after = int(sys.argv[sys.argv.index("--stop-after") + 1]) if "--stop-after" in sys.argv else None
parts = urllib.parse.urlsplit(url)
connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=60)
connection.request("POST", parts.path, body=json.dumps(body), headers={"Content-Type": "application/json"})
response = connection.getresponse()
summary = {"status": response.status, "content_type": response.getheader("Content-Type"), "texts": {},
           "finish_reasons": {}, "usage": None, "done": False, "events": 0, "roles": {}}
if not (response.getheader("Content-Type") or "").startswith("text/event-stream"):
    # A whole answer (stream false, or an error): the same summary from its JSON.
    answer = json.loads(response.read())
    for choice in answer.get("choices", []):
        index = str(choice["index"])
        summary["texts"][index] = choice["message"]["content"] if "message" in choice else choice["text"]
        summary["finish_reasons"][index] = choice.get("finish_reason")
    summary["usage"] = answer.get("usage")
    summary["error"] = answer.get("error")
    print(json.dumps(summary))
    sys.exit(0)
for raw in response:
    line = raw.decode("utf-8").rstrip("\n")
    if not line.startswith("data: "):
        continue
    payload = line[len("data: "):]
    summary["events"] += 1
    if payload == "[DONE]":
        summary["done"] = True
        break
    chunk = json.loads(payload)
    for choice in chunk["choices"]:
        index = str(choice["index"])
        delta = choice.get("delta") or {}
        piece = delta.get("content") if "delta" in choice else choice.get("text")
        summary["texts"][index] = summary["texts"].get(index, "") + (piece or "")
        if delta.get("role"):
            summary["roles"][index] = delta["role"]
        if choice.get("finish_reason"):
            summary["finish_reasons"][index] = choice["finish_reason"]
    if chunk.get("usage"):
        summary["usage"] = chunk["usage"]
    if stop_after is not None and summary["events"] >= stop_after:
        connection.close()
        break
print(json.dumps(summary))
