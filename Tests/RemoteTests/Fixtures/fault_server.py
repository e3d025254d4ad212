"""A scripted OpenAI-compatible server on loopback for Proctor's remote-generation tests.

Successive POSTs take the next action of --script (comma-separated); once it is used up every
POST takes --then. Actions:
  ok            answer (synthetic text, or forwarded to --upstream)
  slow-ok:S     wait S seconds, then answer
  500           HTTP 500 with an OpenAI-style error body
  429:S         HTTP 429 with Retry-After: S
  drop          read the request, close the connection without a word
  slow:S        wait S seconds, then close without answering
  malformed     HTTP 200 with a body whose choices[0] lacks its text
  truncated     HTTP 200 with a JSON body cut in the middle
Synthetic answers are deterministic in (model, prompt, seed, choice) so runs can be compared.
With --ignore-n one choice is returned whatever n asks for; with --bare answers hold only
choices and usage (no id, object, created or model). Each POST is logged to --log as a
JSON line {"action", "path", "n"}. The first stdout line is "listening PORT".
"""

import argparse
import hashlib
import json
import socket
import threading
import time
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

parser = argparse.ArgumentParser()
parser.add_argument("--script", default="")
parser.add_argument("--then", default="ok")
parser.add_argument("--upstream", default=None)
parser.add_argument("--ignore-n", action="store_true")
parser.add_argument("--bare", action="store_true")
parser.add_argument("--log", required=True)
options = parser.parse_args()

actions = [a for a in options.script.split(",") if a]
lock = threading.Lock()


def next_action():
    with lock:
        return actions.pop(0) if actions else options.then


def synthetic(path, body):
    chat = path.endswith("/chat/completions")
    prompt = json.dumps(body.get("messages") if chat else body.get("prompt"), sort_keys=True)
    digest = hashlib.sha256(prompt.encode()).hexdigest()[:12]
    n = 1 if options.ignore_n else int(body.get("n") or 1)
    choices = []
    for i in range(n):
        text = f"```python\nprint('{body.get('model')} {digest} seed {body.get('seed')} choice {i}')\n```"
        choice = {"index": i, "finish_reason": "stop"}
        if chat:
            choice["message"] = {"role": "assistant", "content": text}
        else:
            choice["text"] = text
        choices.append(choice)
    usage = {"prompt_tokens": len(prompt), "completion_tokens": 7 * n, "total_tokens": len(prompt) + 7 * n}
    if options.bare:
        return {"choices": choices, "usage": usage}
    return {"id": "fault-1", "object": "chat.completion" if chat else "text_completion", "created": 0,
            "model": body.get("model"), "choices": choices, "usage": usage}


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def send_json(self, status, value, extra=None, raw=None):
        data = raw if raw is not None else json.dumps(value).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        for key, item in (extra or {}).items():
            self.send_header(key, item)
        self.end_headers()
        self.wfile.write(data)

    def do_GET(self):
        self.send_json(200, {"status": "ok"})

    def do_POST(self):
        length = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(length)
        body = json.loads(raw)
        action = next_action()
        with lock, open(options.log, "a") as log:
            log.write(json.dumps({"action": action, "path": self.path, "n": body.get("n"), "body": body}) + "\n")
        name, _, argument = action.partition(":")
        if name in ("slow", "slow-ok"):
            time.sleep(float(argument))
            if name == "slow":
                self.drop()
                return
            name = "ok"
        if name == "ok":
            if options.upstream:
                request = urllib.request.Request(options.upstream + self.path[len("/v1"):], data=raw,
                                                 headers={"Content-Type": "application/json"})
                with urllib.request.urlopen(request, timeout=600) as answer:
                    self.send_json(answer.status, None, raw=answer.read())
            else:
                self.send_json(200, synthetic(self.path, body))
        elif name == "500":
            self.send_json(500, {"error": {"message": "scripted failure", "type": "server_error"}})
        elif name == "429":
            self.send_json(429, {"error": {"message": "slow down", "type": "rate_limit_error"}},
                           extra={"Retry-After": argument or "1"})
        elif name == "drop":
            self.drop()
        elif name == "malformed":
            answer = synthetic(self.path, body)
            for choice in answer["choices"]:
                choice.pop("text", None)
                choice.pop("message", None)
            self.send_json(200, answer)
        elif name == "truncated":
            self.send_json(200, None, raw=json.dumps(synthetic(self.path, body)).encode()[:40])
        else:
            raise SystemExit(f"unknown action {action}")

    def drop(self):
        self.close_connection = True
        try:
            self.connection.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass


server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
server.daemon_threads = True
print(f"listening {server.server_address[1]}", flush=True)
server.serve_forever()
