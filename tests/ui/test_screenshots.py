"""The screenshot command over the demo ward at 1366×768: every page and main dialog drawn, no
text cut without a tooltip, nothing changed in the data."""

from __future__ import annotations

import hashlib
import subprocess
import sys
from pathlib import Path

from desktop.changes import Change
from desktop.context import AppContext
from desktop.ui.pages import PAGES
from desktop.ui.screenshots import take

ROOT = Path(__file__).resolve().parents[2]


def _fingerprint(folder: Path) -> dict[str, str]:
    """Each file of the data folder (database and its WAL, window.ini …) by its bytes' hash."""
    return {
        str(path.relative_to(folder)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
        and "logs" not in path.parts
        and path.suffix != ".lock"
        and path.name != "thidua.lock"
        # The WAL's shared index holds no data: every reader marks in it where it read from.
        and not path.name.endswith("-shm")
    }


def test_every_page_and_dialog_at_1366x768_shows_its_texts_whole(
    qtbot, ctx: AppContext, demo_db, tmp_path: Path
) -> None:
    announced: list[Change] = []
    stop = ctx.door.listen(announced.append)
    before = _fingerprint(ctx.folder.root)

    shots = take(ctx, tmp_path / "anh", (1366, 768))

    stop()
    names = {shot.name for shot in shots}
    for number, spec in enumerate(PAGES, start=1):  # every page, by its place in the navigation
        assert any(name.startswith(f"{number:02d}-{spec.key}") for name in names), spec.key
    for dialog in (
        "thong-tin-phuong",
        "sao-luu-thong-bao",
        "khoi-phuc-thong-bao",
        "don-vi",
        "xem-truoc-nhap",
        "chi-tieu",
        "ho-so-moi",
        "ho-so",
    ):
        assert f"dialog-{dialog}" in names
    problems = [f"{shot.name}: {shot.problem}" for shot in shots if shot.problem]
    assert problems == []
    for shot in shots:
        assert shot.path.stat().st_size > 5_000, shot.name  # a picture, not an empty file
    cut = [f"{shot.name} — {line}" for shot in shots for line in shot.cut]
    assert cut == [], "chữ bị cắt mà không có chú thích:\n" + "\n".join(cut)
    assert announced == []  # nothing went through the door
    assert _fingerprint(ctx.folder.root) == before  # not a byte of the data folder changed


def test_the_command_draws_at_150_percent(demo_db, ctx: AppContext, tmp_path: Path) -> None:
    """``gui --screenshots`` as the clerk's support types it, in its own process (a scale factor
    is chosen before Qt starts); the pictures have the screen's pixels."""
    ctx.close()  # the command opens the folder itself, as a reader
    out = tmp_path / "anh"
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "desktop",
            "--data-dir",
            str(ctx.folder.root),
            "gui",
            "--screenshots",
            str(out),
            "--size",
            "1366x768",
            "--scale",
            "1.5",
        ],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
        check=False,
    )
    # At 150 % every page and dialog fits the 911×512 screen (scrolling where it must) and no
    # text is cut without its tooltip.
    assert done.returncode == 0, done.stdout + done.stderr
    assert "lớn hơn màn hình" not in done.stdout
    listed = [line for line in done.stdout.splitlines() if line.endswith(".png")]
    assert str(out / "02-units.png") in listed or any("units" in line for line in listed)
    from PySide6.QtGui import QImage

    picture = QImage(str(next(out.glob("*units*.png"))))
    assert picture.height() == 768  # 512 logical pixels at 150 %
