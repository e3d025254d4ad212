# Sourced first by the benchmarks that run Proctor on catalog models: moves to the repository
# root and sets repo_root, python (the real interpreter, resolved once) and PROCTOR_MODELS_DIR
# (.cache/models unless set); brings in release_proctor (bench/lib/release.sh). Helpers:
#   usage_unless N "$@"   prints the script's "# Usage:" line and exits 2 when it has fewer than N
#                         arguments, or 0 when the first is -h or --help
#   catalog_model NAME    fetches the catalog model NAME if needed (with "$proctor") and prints its file's path
script_path="$(cd "$(dirname "$0")" && pwd)/$(basename "$0")"  # before moving: $0 may be relative
# -h/--help needs nothing else, not even Python (the script's arguments are visible here).
if [[ ${1:-} == -h || ${1:-} == --help ]]; then
    sed -n 's/^# Usage: //p' "$script_path"
    exit 0
fi
repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$repo_root"
source bench/lib/release.sh
source scripts/lib/python.sh
export PROCTOR_MODELS_DIR="${PROCTOR_MODELS_DIR:-$repo_root/.cache/models}"
python="$(proctor_python)"

usage_unless() {
    local needed=$1
    shift
    if [[ ${1:-} == -h || ${1:-} == --help ]]; then
        sed -n 's/^# Usage: //p' "$script_path"
        exit 0
    fi
    [[ $# -ge $needed ]] || { sed -n 's/^# Usage: //p' "$script_path" >&2; exit 2; }
}

catalog_model() {
    "$proctor" models fetch "$1" --python "$python" | tail -n 1
}
