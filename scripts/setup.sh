#!/usr/bin/env bash
# Installs what Proctor needs on a Debian machine and prepares the host. Idempotent; run as root
# (or with sudo available). Used by scripts/test.sh (with --languages: the judge's toolchains too) and scripts/run.sh.
set -euo pipefail

packages=(libseccomp-dev libopenblas-dev libjson-c-dev zlib1g-dev pkg-config python3 python3-venv)
missing=()
for package in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
    sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    echo "setup: installing ${missing[*]}" >&2
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
fi

# Moving a process into a cgroup takes a global lock that, on an idle machine, waits for an RCU
# grace period (about 10 ms here) on every run. Linux 6.0+ can trade that for slightly slower
# fork and exit with the cgroup2 mount option favordynmods; it changes nothing else.
if [ "$(id -u)" -eq 0 ]; then
    while read -r _ mountpoint fstype options _; do
        if [ "$fstype" = cgroup2 ] && [[ ",$options," != *",favordynmods,"* ]]; then
            mount -o remount,favordynmods "$mountpoint" 2>/dev/null \
                && echo "setup: remounted $mountpoint with favordynmods" >&2 || true
        fi
    done < /proc/mounts
fi

command -v swift >/dev/null || { echo "setup: swift is not on PATH (Swift 6 is required)" >&2; exit 1; }

# --languages: the toolchains `proctor judge` compiles C, C++, Java, Go, Rust and JavaScript with
# (and javatuples, which MultiPL-E's Java prompts import), each installed only when missing.
if [ "${1:-}" = "--languages" ]; then
    declare -A toolchains=([gcc]=gcc [g++]=g++ [javac]=default-jdk-headless [go]=golang-go [node]=nodejs [rustc]=rustc)
    wanted=()
    for command in "${!toolchains[@]}"; do
        command -v "$command" >/dev/null || wanted+=("${toolchains[$command]}")
    done
    [ -f /usr/share/java/javatuples.jar ] || wanted+=(libjavatuples-java)
    if [ ${#wanted[@]} -gt 0 ]; then
        sudo=""
        [ "$(id -u)" -eq 0 ] || sudo="sudo"
        echo "setup: installing the judge's toolchains: ${wanted[*]}" >&2
        $sudo apt-get update -qq
        DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${wanted[@]}" >/dev/null
    fi
fi
