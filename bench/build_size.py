"""What a PyInstaller one-folder build is made of, by size (run by hand; prints figures).

``python bench/build_size.py DIST [--top N] [--depth D]`` reads a built folder (``dist/ThiDua``, or
the ``dist`` that holds it) and prints its total size and file count, then the N largest files and
the N largest folders (a folder counts everything under it, down to ``D`` levels below the bundle's
top), each with its share of the total, then the bundle's Qt modules and plugins by size — what an
exclude in ``build/thidua.spec`` could cut. Sizes are of the files as stored (bytes on disk of a
sparse file are not asked); a link is counted once, as the link.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

QT_MARKERS = ("qt6", "pyside6", "shiboken6")


@dataclass(frozen=True)
class Entry:
    path: str  # relative to the bundle, with "/"
    size: int


def bundle_root(dist: Path) -> Path:
    """``dist/ThiDua`` when given ``dist``; the folder itself when it is the bundle."""
    inner = dist / "ThiDua"
    return inner if inner.is_dir() else dist


def files_of(root: Path) -> list[Entry]:
    found = []
    for path in root.rglob("*"):
        if path.is_symlink() or path.is_file():
            found.append(Entry(path.relative_to(root).as_posix(), path.lstat().st_size))
    return found


def folder_sizes(entries: Iterable[Entry], depth: int) -> Counter[str]:
    """Each folder's total, for the folders down to ``depth`` levels (1: the bundle's top)."""
    totals: Counter[str] = Counter()
    for entry in entries:
        parts = entry.path.split("/")[:-1]
        for level in range(1, min(depth, len(parts)) + 1):
            totals["/".join(parts[:level])] += entry.size
    return totals


def qt_pieces(entries: Iterable[Entry]) -> Counter[str]:
    """Qt by piece: a library (libQt6Quick.so.6 → Qt6Quick), a Python module, a plugin folder."""
    totals: Counter[str] = Counter()
    for entry in entries:
        lowered = entry.path.lower()
        if not any(marker in lowered for marker in QT_MARKERS):
            continue
        name = entry.path.rsplit("/", 1)[-1]
        if "/plugins/" in lowered:
            folder = entry.path.split("/plugins/", 1)[1].split("/", 1)[0]
            key = f"plugins/{folder}"
        elif "/translations/" in lowered:
            key = "translations"
        elif "/qml/" in lowered:
            key = "qml"
        else:
            key = name.removeprefix("lib").split(".", 1)[0]
        totals[key] += entry.size
    return totals


def megabytes(size: int) -> str:
    return f"{size / 1_000_000:8.1f} MB"


def _table(title: str, rows: Sequence[tuple[str, int]], total: int) -> list[str]:
    lines = [f"\n{title}"]
    for name, size in rows:
        lines.append(f"{megabytes(size)} {100 * size / total:5.1f} %  {name}")
    return lines


def report(root: Path, top: int, depth: int) -> list[str]:
    entries = files_of(root)
    total = sum(e.size for e in entries)
    if not entries or total == 0:
        raise SystemExit(f"{root}: no files — is it a PyInstaller one-folder build?")
    lines = [f"{root}: {megabytes(total).strip()} in {len(entries)} files"]
    largest = sorted(entries, key=lambda e: e.size, reverse=True)[:top]
    lines += _table(f"The {top} largest files", [(e.path, e.size) for e in largest], total)
    folders = folder_sizes(entries, depth).most_common(top)
    lines += _table(f"The {top} largest folders (to {depth} levels)", folders, total)
    lines += _table("Qt by piece", qt_pieces(entries).most_common(top), total)
    return lines


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dist", type=Path, help="dist/ThiDua, or the dist folder holding it")
    parser.add_argument("--top", type=int, default=20, help="rows in each list (20)")
    parser.add_argument("--depth", type=int, default=3, help="folder levels counted (3)")
    args = parser.parse_args(argv)
    root = bundle_root(args.dist)
    if not root.is_dir():
        print(f"{root}: no such folder", file=sys.stderr)
        return 2
    print("\n".join(report(root, args.top, args.depth)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
