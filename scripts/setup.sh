#!/usr/bin/env bash
# Create .venv and install the archive into it (editable), with the extras named in $1
# (e.g. "test,mt,postgres"). Re-running is quick: nothing is reinstalled unless
# pyproject.toml, constraints.txt or the extras changed.
set -euo pipefail
cd "$(dirname "$0")/.."
extras="${1:-}"
python="${PYTHON:-python3}"

if ! "$python" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
  echo "setup: Python 3.11 or newer is needed (found: $("$python" --version 2>&1))" >&2
  exit 1
fi

# PyICU is built against the system's ICU, which needs its headers and pkg-config.
if ! pkg-config --exists icu-i18n 2>/dev/null; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "setup: installing libicu-dev and pkg-config (needed to build PyICU)" >&2
    apt-get update -qq >/dev/null && apt-get install -y -qq libicu-dev pkg-config >/dev/null
  else
    echo "setup: PyICU needs the ICU headers: sudo apt-get install libicu-dev pkg-config" \
         "(macOS: brew install icu4c pkg-config)" >&2
    exit 1
  fi
fi

[ -x .venv/bin/python ] || "$python" -m venv .venv
stamp=".venv/.archive-installed"
want="$(cat pyproject.toml constraints.txt | sha256sum | cut -c1-16) [$extras]"
if [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
  echo "setup: installing the archive${extras:+ with [$extras]} into .venv (first time: a few minutes)" >&2
  .venv/bin/python -m pip install -q --upgrade pip
  .venv/bin/python -m pip install -q -c constraints.txt -e ".${extras:+[$extras]}"
  echo "$want" > "$stamp"
fi
