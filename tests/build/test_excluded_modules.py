"""What the bundle leaves out stays out, and nothing the app imports is left out.

The spec (executed as in tests/build/spec_run.py) excludes the Qt modules the app never loads, and
its filter drops the Qt libraries and plugins that only they, kiosks or touch tables need. Every
import in desktop/ and the launcher is read (``import PySide6.X``, ``from PySide6 import X``,
``from PySide6.X import …``, ``importlib.import_module("…")``): none may name an excluded module,
and no module the app imports may be excluded.
"""

from __future__ import annotations

import ast
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.build.spec_run import ROOT, SpecRun, run_spec

# Qt modules the app does not use and that must not be bundled (QtNetwork: nothing talks to a
# network; QtOpenGL: the widgets and charts paint in raster).
QT_OUT = [
    "PySide6.QtWebEngineCore",
    "PySide6.QtWebEngineWidgets",
    "PySide6.QtWebEngineQuick",
    "PySide6.QtWebChannel",
    "PySide6.QtWebSockets",
    "PySide6.Qt3DCore",
    "PySide6.Qt3DRender",
    "PySide6.QtQml",
    "PySide6.QtQuick",
    "PySide6.QtQuickWidgets",
    "PySide6.QtQuick3D",
    "PySide6.QtMultimedia",
    "PySide6.QtMultimediaWidgets",
    "PySide6.QtNetwork",
    "PySide6.QtBluetooth",
    "PySide6.QtPositioning",
    "PySide6.QtSql",
    "PySide6.QtTest",
    "PySide6.QtOpenGL",
    "PySide6.QtOpenGLWidgets",
    "PySide6.QtDesigner",
    "PySide6.QtUiTools",
    "PySide6.QtHelp",
    "PySide6.QtDataVisualization",
    "PySide6.QtGraphs",
]
# Not Qt, but pulled in by hooks for nothing: pydantic's mypy plugin, Mako's syntax colouring.
OTHERS_OUT = ["mypy", "pydantic.mypy", "pygments"]
# What the app's window needs of Qt: never excluded.
QT_USED = {
    "PySide6.QtCore",
    "PySide6.QtGui",
    "PySide6.QtWidgets",
    "PySide6.QtCharts",
    "PySide6.QtPrintSupport",
}


@pytest.fixture(scope="module")
def spec(tmp_path_factory: pytest.TempPathFactory) -> SpecRun:
    if sys.platform == "win32":  # the spec writes the version resource with PyInstaller's own
        pytest.importorskip("PyInstaller.utils.win32.versioninfo")
    return run_spec(tmp_path_factory.mktemp("spec-work"))


def _sources() -> list[Path]:
    return sorted((ROOT / "desktop").rglob("*.py")) + [ROOT / "build" / "launcher.py"]


def imported_modules(source: str) -> Iterator[str]:
    """Every module a source imports, by its full dotted name (``from P import X`` gives P.X too)."""
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            yield node.module
            yield from (f"{node.module}.{alias.name}" for alias in node.names)
        elif (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute | ast.Name)
            and (node.func.attr if isinstance(node.func, ast.Attribute) else node.func.id)
            in ("import_module", "__import__")
            and node.args
            and isinstance(node.args[0], ast.Constant)
            and isinstance(node.args[0].value, str)
        ):
            yield node.args[0].value


def _is_under(module: str, excluded: str) -> bool:
    return module == excluded or module.startswith(excluded + ".")


def test_the_scan_sees_every_form_of_import() -> None:
    found = set(
        imported_modules(
            "import PySide6.QtNetwork\nfrom PySide6 import QtQml\nfrom PySide6.QtQuick import QQuickView\n"
            "import importlib\nimportlib.import_module('PySide6.QtMultimedia')\n"
        )
    )
    assert {
        "PySide6.QtNetwork",
        "PySide6.QtQml",
        "PySide6.QtQuick",
        "PySide6.QtMultimedia",
    } <= found


def test_the_spec_excludes_the_qt_modules_the_app_does_not_use(spec: SpecRun) -> None:
    missing = [name for name in QT_OUT + OTHERS_OUT if name not in spec.excludes]
    assert missing == [], f"add to the spec's excludes: {missing}"


def test_no_module_of_the_app_imports_an_excluded_one(spec: SpecRun) -> None:
    offending = []
    used: set[str] = set()
    for path in _sources():
        for module in imported_modules(path.read_text(encoding="utf-8")):
            used.add(module)
            if any(_is_under(module, excluded) for excluded in spec.excludes):
                offending.append(f"{path.relative_to(ROOT)}: {module}")
    assert offending == []
    assert used >= QT_USED  # the scan reads the window's own imports
    assert not any(_is_under(m, e) for m in QT_USED for e in spec.excludes)


@pytest.mark.parametrize(
    "name",
    [
        "PySide6/Qt/lib/libQt6Network.so.6",
        "PySide6/Qt6Network.dll",
        "PySide6/Qt/lib/libQt6Quick.so.6",
        "PySide6/Qt/lib/libQt6Qml.so.6",
        "PySide6/opengl32sw.dll",
        "PySide6\\plugins\\platforms\\qdirect2d.dll",
        "PySide6/Qt/plugins/generic/libqtuiotouchplugin.so",
        "PySide6\\plugins\\generic\\qtuiotouchplugin.dll",
        "PySide6/Qt/plugins/imageformats/libqwebp.so",
        "PySide6\\plugins\\imageformats\\qgif.dll",
        "PySide6\\plugins\\imageformats\\qtiff.dll",
        "PySide6/Qt/plugins/tls/libqopensslbackend.so",
        "PySide6/Qt/plugins/platforms/libqwayland-generic.so",
        "PySide6/Qt/translations/qtbase_de.qm",
    ],
)
def test_the_filter_cuts_what_nothing_loads(spec: SpecRun, name: str) -> None:
    unwanted: Callable[[str], bool] = spec.namespace["unwanted"]
    assert unwanted(name)


@pytest.mark.parametrize(
    "name",
    [
        "PySide6/Qt/lib/libQt6Widgets.so.6",
        "PySide6/Qt/lib/libQt6Charts.so.6",
        "PySide6/Qt/lib/libQt6OpenGL.so.6",  # QtCharts' C++ library needs it
        "PySide6/Qt/plugins/platforms/libqxcb.so",
        "PySide6/Qt/plugins/platforms/libqoffscreen.so",  # --self-test and the guide's pictures
        "PySide6\\plugins\\platforms\\qwindows.dll",
        "PySide6\\plugins\\styles\\qmodernwindowsstyle.dll",
        "PySide6/Qt/plugins/platforminputcontexts/libibusplatforminputcontextplugin.so",  # Unikey
        "PySide6/Qt/plugins/imageformats/libqico.so",
        "PySide6\\plugins\\imageformats\\qjpeg.dll",
        "PySide6\\plugins\\imageformats\\qsvg.dll",
        "PySide6/Qt/plugins/printsupport/libcupsprintersupport.so",
        "resources/translations/qtbase_vi.qm",
    ],
)
def test_the_filter_keeps_what_the_app_loads(spec: SpecRun, name: str) -> None:
    unwanted: Callable[[str], bool] = spec.namespace["unwanted"]
    assert not unwanted(name)
