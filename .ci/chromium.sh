#!/usr/bin/env bash
# Install Debian's chromium for the browser tests (tests/web) when it is missing.
# Idempotent (does nothing when /usr/bin/chromium exists), quiet (apt's output is shown only when it fails)
# and non-interactive. Needs root, as CI and the developer machines run.
set -euo pipefail

if [ -x /usr/bin/chromium ]; then
  exit 0
fi

export DEBIAN_FRONTEND=noninteractive
log="$(mktemp)"
trap 'rm -f "$log"' EXIT
echo "installing chromium for the browser tests (apt-get)"
if ! { apt-get update -qq && apt-get install -y -qq --no-install-recommends chromium; } >"$log" 2>&1; then
  cat "$log" >&2
  echo "could not install chromium, which the browser tests (tests/web) need" >&2
  exit 1
fi
test -x /usr/bin/chromium
