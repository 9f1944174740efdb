#!/bin/sh
# Debian's Chromium and a CJK font, for the page tests (tests/test_browser.py). Needs root and
# apt-get; where either is missing, or the install fails, it says so and the page tests are
# skipped with that reason instead of failing.
set -u
have_browser() { command -v chromium >/dev/null 2>&1; }
have_cjk_font() { fc-list :lang=zh 2>/dev/null | grep -q .; }

if have_browser && have_cjk_font; then
    exit 0
fi
if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null 2>&1; then
    echo "install_browser: not root or no apt-get; the browser tests will be skipped" >&2
    exit 0
fi
echo "install_browser: installing chromium and fonts-wqy-zenhei from Debian's packages"
if ! { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
        chromium fonts-wqy-zenhei >/dev/null; }; then
    echo "install_browser: the install failed; the browser tests will be skipped" >&2
fi
exit 0
