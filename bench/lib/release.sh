# Sourced by the benchmarks. release_proctor: release-builds proctor (under the shared build
# lock when there is one, so a benchmark never competes with another build) and prints the
# binary's path.
release_proctor() {
    if [[ -e /tmp/swift-build.lock ]]; then
        flock /tmp/swift-build.lock swift build -c release --product proctor >&2
    else
        swift build -c release --product proctor >&2
    fi
    echo "$(swift build -c release --show-bin-path)/proctor"
}
