#!/usr/bin/env bash
# Renders an HTML report in headless Chromium and saves a screenshot, to check it by eye.
# Usage: scripts/screenshot-report.sh report.html [out.png]   (installs chromium if missing)
set -euo pipefail
page=$(realpath "$1")
out=${2:-${page%.html}.png}
if ! command -v chromium >/dev/null; then
    sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium >/dev/null
fi
chromium --headless --no-sandbox --disable-gpu --window-size=1200,2400 --screenshot="$out" "file://$page" 2>/dev/null
echo "screenshot: $out"
