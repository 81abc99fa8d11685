"""The release's name, version and publisher, read from ``desktop/__init__.py`` (their one home).

``python build/version.py`` prints ``THIDUA_VERSION=…`` and ``THIDUA_PUBLISHER=…``, one a line in
UTF-8: the release workflow appends them to ``$GITHUB_ENV`` and hands them to Inno Setup's compiler
as ``/DAppVersion=…`` and ``/DAppPublisher=…``; ``--iscc`` prints those two defines instead, one a
line. The file is read, not imported, so this runs without the app's dependencies.
"""

from __future__ import annotations

import argparse
import ast
import re
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE_INIT = ROOT / "desktop" / "__init__.py"
# Windows' file version is up to four numbers: a version with letters (0.2.0rc1) cannot be one.
NUMERIC = re.compile(r"\d+(\.\d+){0,3}")


@dataclass(frozen=True)
class Release:
    name: str
    version: str
    publisher: str


def read_release(package_init: Path = PACKAGE_INIT) -> Release:
    """The constants ``APP_NAME``, ``__version__`` and ``PUBLISHER`` of the package's ``__init__``."""
    values: dict[str, str] = {}
    for node in ast.parse(package_init.read_text(encoding="utf-8")).body:
        if not (isinstance(node, ast.Assign) and len(node.targets) == 1):
            continue
        target, value = node.targets[0], node.value
        if (
            isinstance(target, ast.Name)
            and isinstance(value, ast.Constant)
            and isinstance(value.value, str)
        ):
            values[target.id] = value.value
    missing = [key for key in ("APP_NAME", "__version__", "PUBLISHER") if not values.get(key)]
    if missing:
        raise SystemExit(f"{package_init}: thiếu {', '.join(missing)}")
    version = values["__version__"]
    if not NUMERIC.fullmatch(version):
        raise SystemExit(
            f"{package_init}: phiên bản “{version}” phải gồm tối đa bốn số cách nhau bởi dấu chấm "
            "(Windows ghi phiên bản tệp như vậy)"
        )
    return Release(values["APP_NAME"], version, values["PUBLISHER"])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--iscc", action="store_true", help="in các tham số /D… cho ISCC")
    args = parser.parse_args(argv)
    release = read_release()
    if args.iscc:
        lines = [f"/DAppVersion={release.version}", f"/DAppPublisher={release.publisher}"]
    else:
        lines = [f"THIDUA_VERSION={release.version}", f"THIDUA_PUBLISHER={release.publisher}"]
    # The publisher has Vietnamese letters; a Windows console or a redirected stdout would
    # otherwise use the ANSI code page.
    out = sys.stdout.buffer if hasattr(sys.stdout, "buffer") else None
    text = "".join(line + "\n" for line in lines)
    if out is not None:
        out.write(text.encode("utf-8"))
        out.flush()
    else:
        sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
