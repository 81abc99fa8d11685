"""``build/thidua.spec`` run as PyInstaller runs it, with PyInstaller's build steps stood in for.

The spec is executed whole (its data lists, its compiled Qt catalogue, its filter of what the
bundle leaves out), with ``Analysis``, ``PYZ``, ``EXE`` and ``COLLECT`` recording what they are
given instead of building. ``Analysis`` turns the spec's ``datas`` into the bundle's data entries
as PyInstaller does (a folder brings every file under it, a file comes alone, a pattern its
matches), so the entries that reach ``COLLECT`` are the files a one-folder build would carry.
Drawing the guide's pictures (``python -m desktop … gui --screenshots``) is replaced by writing a
small PNG under every name the guide's pages show, so a run takes seconds; ``lrelease`` runs.
"""

from __future__ import annotations

import glob
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
SPEC = ROOT / "build" / "thidua.spec"
# The smallest valid PNG: a 1×1 transparent pixel.
PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082"
)


def data_entries(datas: list[tuple[str, str]]) -> list[tuple[str, str, str]]:
    """(name in the bundle, source file, "DATA") for the spec's (source, destination) pairs."""
    entries = []
    for source, destination in datas:
        for match in sorted(glob.glob(source)) or [source]:
            path = Path(match)
            if path.is_dir():
                for file in sorted(p for p in path.rglob("*") if p.is_file()):
                    name = Path(destination) / file.relative_to(path)
                    entries.append((name.as_posix(), str(file), "DATA"))
            else:
                entries.append(((Path(destination) / path.name).as_posix(), str(path), "DATA"))
    return entries


@dataclass
class SpecRun:
    """What the spec handed to PyInstaller."""

    analysis: dict[str, Any] = field(default_factory=dict)
    exe: dict[str, Any] = field(default_factory=dict)
    collected: list[tuple[str, str, str]] = field(default_factory=list)
    namespace: dict[str, Any] = field(default_factory=dict)

    @property
    def excludes(self) -> list[str]:
        return list(self.analysis["excludes"])

    def bundle(self, folder: Path) -> Path:
        """Lay the collected data out as the one-folder build's ``_internal`` and return it."""
        for name, source, _ in self.collected:
            target = folder / name
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, target)
        return folder


def _guide_picture_names() -> set[str]:
    from desktop.ui.help_window import guide_folder, image_names

    return {
        name
        for page in guide_folder().glob("*.html")
        for name in image_names(page.read_text(encoding="utf-8"))
    }


def run_spec(work: Path) -> SpecRun:
    """Execute the spec with ``work`` as PyInstaller's work folder."""
    run = SpecRun()
    real_run = subprocess.run

    def fake_run(command: list[str], *args: Any, **kwargs: Any) -> Any:
        if command[1:3] != ["-m", "desktop"]:
            return real_run(command, *args, **kwargs)  # lrelease
        if "--screenshots" in command:
            folder = Path(command[command.index("--screenshots") + 1])
            folder.mkdir(parents=True, exist_ok=True)
            for name in _guide_picture_names():
                (folder / name).write_bytes(PNG)
        return subprocess.CompletedProcess(command, 0, "", "")

    class Analysis:
        def __init__(self, scripts: list[str], **options: Any) -> None:
            run.analysis = {"scripts": scripts, **options}
            self.datas = data_entries(options["datas"])
            self.binaries: list[tuple[str, str, str]] = []
            self.pure: list[tuple[str, str, str]] = []
            self.scripts = scripts

    def build_step(*args: Any, **options: Any) -> object:
        return object()

    def executable(*args: Any, **options: Any) -> object:
        run.exe = options
        return object()

    def collect(*args: Any, **options: Any) -> object:
        run.collected = [entry for part in args[1:] for entry in part]
        return object()

    namespace: dict[str, Any] = {
        "__name__": "__main__",
        "__file__": str(SPEC),
        "SPECPATH": str(SPEC.parent),
        "workpath": str(work),
        "distpath": str(work / "dist"),
        "Analysis": Analysis,
        "PYZ": build_step,
        "EXE": executable,
        "COLLECT": collect,
    }
    saved_path = list(sys.path)
    saved_onefile = os.environ.pop("THIDUA_ONEFILE", None)
    subprocess.run = fake_run  # type: ignore[assignment]
    try:
        exec(compile(SPEC.read_text(encoding="utf-8"), str(SPEC), "exec"), namespace)
    finally:
        subprocess.run = real_run
        sys.path[:] = saved_path
        if saved_onefile is not None:
            os.environ["THIDUA_ONEFILE"] = saved_onefile
    run.namespace = namespace
    return run
