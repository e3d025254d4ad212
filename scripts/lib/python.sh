# Sourced by the scripts that run Python. Resolves the real interpreter once ($PYTHON wins):
# a version-manager shim such as pyenv's costs ~100 ms on every start, so scripts call the
# interpreter it points at. Creates git-ignored virtual environments on request.

# Prints the real interpreter's path.
proctor_python() {
    if [[ -n "${PYTHON:-}" ]]; then
        echo "$PYTHON"
    else
        python3 -c 'import sys; print(sys.executable)'
    fi
}

# ensure_venv DIR: creates DIR as a virtual environment when it has none; prints its python.
ensure_venv() {
    local venv=$1
    [[ -x "$venv/bin/python" ]] || "$(proctor_python)" -m venv "$venv"
    echo "$venv/bin/python"
}
