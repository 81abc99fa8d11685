"""The portable zip (bản di động): the one-folder build plus ``portable.txt``, for a USB stick.

``python build/portable.py`` zips ``dist/ThiDua/`` into ``dist/ThiDua-<version>-portable.zip``;
unzipped, ``ThiDua\\ThiDua.exe`` finds ``portable.txt`` beside it and keeps the ward's data in
``ThiDua\\data`` on the stick (desktop/paths.py). ``--dist`` and ``--out`` name other folders.
"""

from __future__ import annotations

import argparse
import sys
import zipfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from version import ROOT, read_release  # build/ is not a package: its folder is on the path

MARKER = "portable.txt"  # desktop.paths.PORTABLE_MARKER, read by name here to stay dependency-free
MARKER_TEXT = (
    "Tệp này bật chế độ di động của ThiĐua: dữ liệu của phường được giữ trong thư mục “data”\n"
    "cạnh ThiDua.exe (trên chính USB này), không ghi vào máy tính đang dùng.\n"
    "Xóa tệp này thì chương trình dùng thư mục dữ liệu của người dùng trên máy (%LOCALAPPDATA%\\ThiDua).\n"
)
# Left by a build's --self-test beside the program (a windowed build has no console): not the app.
LEFT_BY_SELF_TEST = "thidua-selftest.txt"


def build_portable_zip(dist: Path, out_dir: Path, version: str) -> Path:
    """Zip ``dist`` (the one-folder build) under its own folder name, with the portable marker."""
    if not any((dist / name).is_file() for name in ("ThiDua.exe", "ThiDua")):
        raise SystemExit(
            f"Không thấy bản đóng gói một thư mục trong {dist} (thiếu ThiDua.exe). "
            "Hãy chạy pyinstaller build/thidua.spec trước."
        )
    out_dir.mkdir(parents=True, exist_ok=True)
    target = out_dir / f"ThiDua-{version}-portable.zip"
    top = dist.name
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for path in sorted(dist.rglob("*")):
            relative = path.relative_to(dist)
            if relative.parts[0] == "data" or relative.as_posix() in (MARKER, LEFT_BY_SELF_TEST):
                continue  # never the data of a trial run; the marker is written below
            archive.write(path, f"{top}/{relative.as_posix()}")
        archive.writestr(f"{top}/{MARKER}", MARKER_TEXT.encode("utf-8"))
    return target


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dist", type=Path, default=ROOT / "dist" / "ThiDua")
    parser.add_argument("--out", type=Path, default=ROOT / "dist")
    args = parser.parse_args(argv)
    target = build_portable_zip(args.dist, args.out, read_release().version)
    print(f"{target} ({target.stat().st_size / 1_000_000:.1f} MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
