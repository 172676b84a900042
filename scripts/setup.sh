#!/usr/bin/env bash
# Create .venv and install the archive into it (editable) from the committed lock (uv.lock),
# with the extras named in $1 (e.g. "test,mt,postgres"). Every machine gets the exact versions
# the tests passed on. Re-running is quick: nothing is reinstalled unless pyproject.toml,
# uv.lock or the extras changed.
set -euo pipefail
cd "$(dirname "$0")/.."
extras="${1:-}"
python="${PYTHON:-python3}"
uv_version="0.13.9"

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
want="$(cat pyproject.toml uv.lock | sha256sum | cut -c1-16) [$extras] uv $uv_version"
if [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
  echo "setup: installing the archive${extras:+ with [$extras]} into .venv from uv.lock (first time: a few minutes)" >&2
  # uv itself lives beside the environment, not in it: `uv sync` removes what the lock lacks.
  tools=".venv/.setup-tools"
  if [ "$("$tools/bin/uv" --version 2>/dev/null | cut -d" " -f1-2)" != "uv $uv_version" ]; then
    rm -rf "$tools"
    "$python" -m pip install -q --disable-pip-version-check --target "$tools" "uv==$uv_version"
  fi
  args=()
  for extra in ${extras//,/ }; do args+=(--extra "$extra"); done
  # --locked: fail (instead of re-resolving) if uv.lock does not match pyproject.toml.
  # --inexact: keep what another set of extras installed (./run after ./run-tests).
  UV_PROJECT_ENVIRONMENT=.venv UV_PYTHON_DOWNLOADS=never \
    "$tools/bin/uv" sync --locked --inexact --quiet --python .venv/bin/python "${args[@]}"
  echo "$want" > "$stamp"
fi
