"""The spec's data lists carry every file the app reads at run time.

``build/thidua.spec`` is executed (tests/build/spec_run.py), the data it hands to PyInstaller is
laid out as the bundle's ``_internal`` folder, and the app's own lookups are run against it
(``sys._MEIPASS`` pointing there, as in the frozen app): the bundled fonts, every template in
forms/, Alembic's migrations, Qt's Vietnamese words compiled to .qm, the user guide and its
pictures, and every file named by a literal ``resource_path(…)``/``forms_path(…)`` in desktop/.
A file left out of the spec, or cut by its filter, fails here rather than on the clerk's PC.
"""

from __future__ import annotations

import ast
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop.storage import migrate
from desktop.storage.schema import HEAD_REVISION, KNOWN_REVISIONS
from tests.build.spec_run import ROOT, SpecRun, run_spec


@pytest.fixture(scope="module")
def spec(tmp_path_factory: pytest.TempPathFactory) -> SpecRun:
    if sys.platform == "win32":  # the spec writes the version resource with PyInstaller's own
        pytest.importorskip("PyInstaller.utils.win32.versioninfo")
    return run_spec(tmp_path_factory.mktemp("spec-work"))


@pytest.fixture(scope="module")
def internal(spec: SpecRun, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return spec.bundle(tmp_path_factory.mktemp("bundle") / "_internal")


@pytest.fixture
def frozen(internal: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The app's lookups as in the one-folder build: resources and forms under ``_MEIPASS``."""
    monkeypatch.setattr(sys, "_MEIPASS", str(internal), raising=False)
    monkeypatch.setattr(migrate, "MIGRATIONS_DIR", internal / "desktop" / "storage" / "migrations")
    return internal


def _literal_lookups() -> Iterator[tuple[str, tuple[str, ...]]]:
    """(function, parts) of every ``resource_path("a", "b")`` and ``forms_path("x")`` in desktop/."""
    for path in sorted((ROOT / "desktop").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call) or not isinstance(node.func, ast.Name):
                continue
            if node.func.id not in ("resource_path", "forms_path") or not node.args:
                continue
            if all(isinstance(a, ast.Constant) and isinstance(a.value, str) for a in node.args):
                yield node.func.id, tuple(str(a.value) for a in node.args)  # type: ignore[attr-defined]


def test_every_file_named_in_the_code_is_in_the_bundle(frozen: Path) -> None:
    from desktop import paths

    lookups = list(_literal_lookups())
    assert ("resource_path", ("catalogue", "plan.json")) in lookups  # the scan finds them
    for function, parts in lookups:
        found = getattr(paths, function)(*parts)
        assert found.is_relative_to(frozen), (function, parts)
        # A name with a placeholder part (the .qm compiled at build) is checked on its own below.
        if found.suffix:
            assert found.exists(), f"{function}{parts} is not in the bundle: add it to the spec"


def test_the_bundled_fonts_and_their_licence(frozen: Path) -> None:
    from desktop.documents import fonts
    from desktop.paths import resource_path

    choice = fonts.choose_fonts(prefer_system=False)
    assert set(choice.files) == {fonts.REGULAR, fonts.BOLD, fonts.ITALIC, fonts.BOLD_ITALIC}
    for path in choice.files.values():
        assert path.is_relative_to(frozen) and path.is_file(), path
        assert fonts._has_vietnamese(path)
    assert "SIL" in resource_path("fonts", "LICENSE-LiberationSerif.txt").read_text(
        encoding="utf-8"
    )


def test_every_template_of_forms_is_bundled_and_every_kind_finds_its_own(frozen: Path) -> None:
    import importlib
    import pkgutil

    import desktop.documents
    from desktop.paths import forms_path

    in_repo = sorted(p.name for p in (ROOT / "forms").glob("*.txt"))
    assert in_repo and sorted(p.name for p in forms_path().glob("*.txt")) == in_repo
    for info in pkgutil.iter_modules(desktop.documents.__path__):
        module = importlib.import_module(f"desktop.documents.{info.name}")
        template = getattr(module, "TEMPLATE", None)
        if isinstance(template, str):
            assert forms_path(template).is_file(), f"{info.name}: {template}"


def test_alembic_finds_every_migration_in_the_bundle(frozen: Path) -> None:
    from alembic.script import ScriptDirectory

    bundled = frozen / "desktop" / "storage" / "migrations"
    source = ROOT / "desktop" / "storage" / "migrations"
    for file in [
        "env.py",
        "script.py.mako",
        *(f"versions/{p.name}" for p in source.glob("versions/*.py")),
    ]:
        assert (bundled / file).is_file(), file
    assert migrate.head_revision() == HEAD_REVISION
    scripts = ScriptDirectory.from_config(migrate.alembic_config())
    assert sorted(r.revision for r in scripts.walk_revisions()) == sorted(KNOWN_REVISIONS)


def test_qts_vietnamese_words_are_bundled_compiled_and_not_as_source(frozen: Path) -> None:
    from desktop.ui.translations import bundled_file, source_file

    qm = bundled_file()
    assert qm.is_relative_to(frozen) and qm.is_file() and qm.stat().st_size > 1000
    assert qm.read_bytes()[:16] == bytes.fromhex("3cb86418caef9c95cd211cbf60a1bddd")  # .qm magic
    assert not source_file().exists()  # the .ts stays out of the bundle


def test_the_guide_and_every_picture_its_pages_show_are_bundled(frozen: Path) -> None:
    from desktop.ui.help_window import find_image, guide_folder, image_folders, image_names, topics

    pages = sorted(p.name for p in (ROOT / "resources" / "guide").glob("*.html"))
    assert sorted(p.name for p in guide_folder().glob("*.html")) == pages
    assert topics()  # the contents read from the bundle's index.html
    bundle_pictures = image_folders()[0]
    assert bundle_pictures.is_relative_to(frozen)
    for page in pages:
        for name in image_names((guide_folder() / page).read_text(encoding="utf-8")):
            assert find_image(name, [bundle_pictures]) is not None, f"{page}: {name}"


def test_nothing_bundled_comes_from_outside_the_repository_but_what_the_spec_builds(
    spec: SpecRun,
) -> None:
    work = Path(spec.namespace["workpath"])
    for name, source, _ in spec.collected:
        origin = Path(source).resolve()
        assert origin.is_relative_to(ROOT) or origin.is_relative_to(work.resolve()), (name, source)
