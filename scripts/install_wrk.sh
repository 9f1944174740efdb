#!/bin/sh
# wrk, the HTTP load generator `make bench` drives (scripts/bench_serving.py), from Debian's
# packages. Needs root and apt-get; where either is missing it says so, and the serving
# benchmark says how to install wrk instead of running.
set -u
if command -v wrk >/dev/null 2>&1; then
    exit 0
fi
if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null 2>&1; then
    echo "install_wrk: not root or no apt-get; install wrk to run the serving benchmark" >&2
    exit 0
fi
echo "install_wrk: installing wrk from Debian's packages"
if ! { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends wrk >/dev/null; }; then
    echo "install_wrk: the install failed; the serving benchmark will not run" >&2
fi
exit 0
