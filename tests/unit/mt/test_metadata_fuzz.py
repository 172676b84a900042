"""Fuzzing a package's ``metadata.json``: whatever its bytes, nesting or numbers, inspecting
the package either accepts clean values or refuses it with one line (issue 21)."""

from __future__ import annotations

import json
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from archive.errors import InvalidModelPackage
from archive.mt.packages import inspect_package
from tests import mtpack
from tests.unit.mt.conftest import TinyPackages

_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner),
    max_leaves=15,
)
_metadata = st.one_of(
    st.binary(max_size=400),
    st.integers(min_value=1, max_value=3_000).map(lambda n: b"[" * n + b"]" * n),
    st.integers(min_value=1, max_value=3_000).map(
        lambda n: b'{"package_version": ' + b"9" * n + b"}"
    ),
    st.fixed_dictionaries(
        {
            "from_code": st.sampled_from(["my", "en", "my\n", "e", "km\x1b[0m", ""]),
            "to_code": st.sampled_from(["en", "km", "en "]),
            "package_version": st.text(max_size=12),
        },
        optional={"extra": _values},
    ).map(lambda d: json.dumps(d).encode()),
)


@settings(
    max_examples=60,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(metadata=_metadata)
def test_fuzz_metadata_is_accepted_clean_or_refused_in_one_line(
    tiny_packages: TinyPackages, tmp_path: Path, metadata: bytes
) -> None:
    members = mtpack.members_of(tiny_packages.my_en)
    [name] = [n for n in members if n.endswith("/metadata.json")]
    package = mtpack.write_zip(tmp_path / "fuzz.argosmodel", {**members, name: metadata})
    try:
        manifest = inspect_package(package)
    except InvalidModelPackage as exc:
        assert "\n" not in str(exc)
        return
    for value in (manifest.from_code, manifest.to_code, manifest.package_version):
        assert value.isprintable() and value.strip() == value and value
