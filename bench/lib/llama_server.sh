# Sourced by the benchmarks that run llama.cpp's OpenAI-compatible server (llama-cpp-python
# 0.3.36's, in .venv-inference/). llama_server_venv: makes sure the venv has the server and
# prints its path. wait_for_health URL: polls GET URL for at most 120 s. free_port: prints a
# free loopback port.
llama_server_venv() {
    local venv="$repo_root/.venv-inference"
    if ! "$venv/bin/python" -c "import llama_cpp.server" 2>/dev/null; then
        bash "$repo_root/scripts/fixtures/make_inference_venv.sh" >/dev/null
        "$venv/bin/python" -m pip install --quiet "llama-cpp-python[server]==0.3.36" >&2
    fi
    echo "$venv"
}

wait_for_health() {
    for _ in $(seq 1 600); do
        curl -sf "$1" >/dev/null 2>&1 && return 0
        sleep 0.2
    done
    echo "no answer from $1" >&2
    return 1
}

free_port() {
    "$(proctor_python)" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}
