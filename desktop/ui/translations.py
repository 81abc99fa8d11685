"""Qt's own words in Vietnamese: the standard buttons, file and print dialogs, context menus.

Qt ships no Vietnamese translation of its own strings, so the app keeps one:
``resources/translations/qtbase_vi.ts`` (hand-checked XML, the source in the repository) is
compiled with PySide6's own ``lrelease`` to a ``.qm`` that a ``QTranslator`` loads before the
first widget is made. The ``.qm`` is a generated file and is never committed. Where it comes from:

- **The packaged app** (PyInstaller, ``build/thidua.spec``): the spec compiles the ``.ts`` before
  its Analysis and bundles ``resources/translations/qtbase_vi.qm``; the app only loads it.
- **A checkout or an editable install** (``pip install -e .``): there is no build step to hook,
  so the first start compiles the ``.ts`` into the user's cache folder
  (``…/ThiDua/translations/qtbase_vi-<hash of the .ts>.qm``) and later starts load that file.
  The name carries the source's hash, so an edited ``.ts`` is compiled again on the next start and
  an old ``.qm`` is never loaded by mistake; the source tree is never written at run time (it may be
  read-only, or shared by several users).

Nothing here may stop the window: without ``lrelease``, with an unwritable cache or a damaged
file, the failure is logged and Qt's words stay English (the app's own words are Vietnamese
anyway). A setuptools build hook was not chosen because an editable install never runs it again
after the ``.ts`` changes.
"""

from __future__ import annotations

import hashlib
import logging
import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

from desktop.paths import resource_path

log = logging.getLogger("thidua.ui")

CATALOGUE = "qtbase_vi"


def source_file() -> Path:
    """The translation's source, ``resources/translations/qtbase_vi.ts``."""
    return resource_path("translations", f"{CATALOGUE}.ts")


def bundled_file() -> Path:
    """The ``.qm`` that the packaged app carries (compiled by ``build/thidua.spec``)."""
    return resource_path("translations", f"{CATALOGUE}.qm")


def lrelease_program() -> Path:
    """PySide6's own ``lrelease`` (shipped in the PySide6-Essentials wheel)."""
    import PySide6

    name = "lrelease.exe" if sys.platform == "win32" else "lrelease"
    return Path(PySide6.__file__).resolve().parent / name


def compile_catalogue(source: Path, target: Path) -> Path:
    """Compile ``source`` (.ts) to ``target`` (.qm) with ``lrelease``; raise ``OSError`` on failure.

    The file is written beside its final name and renamed, so a start that is killed half-way
    never leaves a truncated ``.qm`` that a later start would load.
    """
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(f".{target.name}.{os.getpid()}.part")
    try:
        done = subprocess.run(
            [str(lrelease_program()), "-silent", str(source), "-qm", str(partial)],
            capture_output=True,
            text=True,
            timeout=60,
            creationflags=getattr(subprocess, "CREATE_NO_WINDOW", 0),
        )
        if done.returncode != 0 or not partial.is_file():
            raise OSError(f"lrelease failed ({done.returncode}): {done.stderr.strip()}")
        partial.replace(target)
    finally:
        partial.unlink(missing_ok=True)
    return target


def default_cache() -> Path:
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("ThiDua", appauthor=False)) / "translations"


def compiled_file(cache: Path | None = None) -> Path | None:
    """The ``.qm`` to load: the bundled one, else the cache's one for this exact ``.ts``.

    Compiles into the cache when it has none for this source. None when there is nothing to
    load (no source, no ``lrelease``, a cache that cannot be written); the reason is logged.
    """
    bundled = bundled_file()
    source = source_file()
    if getattr(sys, "frozen", False) and bundled.is_file():
        return bundled
    try:
        digest = hashlib.sha256(source.read_bytes()).hexdigest()[:16]
    except OSError as error:
        log.warning("no Qt translation source: %s", error)
        return bundled if bundled.is_file() else None
    target = (cache or default_cache()) / f"{CATALOGUE}-{digest}.qm"
    if target.is_file():
        return target
    try:
        return compile_catalogue(source, target)
    except (OSError, subprocess.SubprocessError) as error:
        log.warning("cannot compile the Qt translation: %s", error)
        return None


def install_translation(app: QCoreApplication, cache: Path | None = None) -> QTranslator | None:
    """Load Qt's Vietnamese words into ``app`` and make Vietnam the default locale.

    Call before the first widget is made: a widget asks for its words when it is built. The
    translator is a child of the application, so it lives as long as the application does.
    Returns it, or None when Qt's words stay English.
    """
    QLocale.setDefault(QLocale(QLocale.Language.Vietnamese, QLocale.Country.Vietnam))
    path = compiled_file(cache)
    if path is None:
        return None
    translator = QTranslator(app)
    if not translator.load(str(path)):
        log.warning("cannot load the Qt translation %s", path)
        return None
    app.installTranslator(translator)  # its parent, the application, keeps it alive
    return translator
