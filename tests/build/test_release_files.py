"""The release files: the Windows workflow, the Inno Setup script, build/version.py, build/portable.py.

Inno Setup and GitHub Actions cannot run here, so their files are read for what the release relies
on: the steps of the workflow, the installer's per-user install, its fixed AppId, its version from
the compiler's define and a data folder that nothing deletes.
"""

from __future__ import annotations

import importlib.util
import re
import subprocess
import sys
import zipfile
from pathlib import Path, PureWindowsPath
from types import ModuleType
from typing import Any

import pytest

import desktop
from desktop import paths
from desktop.paths import resolve_data_folder

ROOT = Path(__file__).resolve().parents[2]
WORKFLOW = ROOT / ".github" / "workflows" / "windows.yml"
ISS = ROOT / "build" / "thidua.iss"
APP_ID = "{{4275AE47-F134-4993-872B-3B13F3A50EFD}"


def build_module(name: str) -> ModuleType:
    """A script of build/ (not a package), imported from its file."""
    spec = importlib.util.spec_from_file_location(
        f"thidua_build_{name}", ROOT / "build" / f"{name}.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


# The workflow ------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def workflow() -> dict[Any, Any]:
    yaml = pytest.importorskip("yaml", reason="the test extra installs PyYAML")
    loaded = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    assert isinstance(loaded, dict)
    return loaded


def steps_text(job: dict[str, Any]) -> str:
    return "\n".join(
        f"{step.get('name', '')}\n{step.get('uses', '')}\n{step.get('run', '')}\n{step.get('with', '')}\n{step.get('env', '')}"
        for step in job["steps"]
    )


def test_workflow_runs_on_push_tags_and_by_hand(workflow: dict[Any, Any]) -> None:
    triggers = workflow.get("on", workflow.get(True))  # YAML 1.1 reads a bare `on` as true
    assert {"push", "workflow_dispatch"} <= set(triggers)
    assert "v*" in triggers["push"]["tags"]


def test_linux_job_runs_the_ci_script(workflow: dict[Any, Any]) -> None:
    linux = workflow["jobs"]["linux"]
    assert linux["runs-on"].startswith("ubuntu")
    assert any(step.get("run", "").strip() == "bash .ci/run" for step in linux["steps"])


def test_windows_job_tests_builds_installs_and_uninstalls(workflow: dict[Any, Any]) -> None:
    windows = workflow["jobs"]["windows"]
    assert windows["runs-on"] == "windows-latest"
    assert windows["strategy"]["matrix"]["python-version"] == ["3.11", "3.12"]
    assert windows["env"]["QT_QPA_PLATFORM"] == "offscreen"
    text = steps_text(windows)
    uses = [step.get("uses", "") for step in windows["steps"]]
    assert any(u.startswith("actions/checkout@") for u in uses)
    assert any(u.startswith("actions/setup-python@") for u in uses)
    # The README's (and .ci/run's) test command, PyInstaller beside it.
    readme_command = 'python -m pip install -e ".[test]" && python -m pytest'
    assert readme_command in (ROOT / "README.md").read_text(encoding="utf-8")
    assert readme_command in (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert 'python -m pip install -e ".[test]" pyinstaller' in text
    assert "python -m pytest" in text
    # Both builds from the one spec, and their self-tests.
    builds = [step for step in windows["steps"] if "build/thidua.spec" in step.get("run", "")]
    assert len(builds) == 2 and builds[1]["env"]["THIDUA_ONEFILE"] == "1"
    assert '"dist\\ThiDua\\ThiDua.exe", "dist\\ThiDua.exe"' in text and "--self-test" in text
    assert "THIDUA SELF-TEST OK" in text
    # The installer: Inno Setup found or installed, the version from desktop/ passed as defines.
    assert 'python build/version.py >> "$GITHUB_ENV"' in text
    assert "choco install innosetup" in text
    assert (
        '"/DAppVersion=$env:THIDUA_VERSION" "/DAppPublisher=$env:THIDUA_PUBLISHER" build\\thidua.iss'
        in text
    )
    # Installed silently into a scratch folder, self-tested, uninstalled; the data folder survives.
    for word in (
        "/VERYSILENT",
        "/SUPPRESSMSGBOXES",
        "/DIR=",
        '"$target\\ThiDua.exe" -ArgumentList "--self-test"',
        "unins000.exe",
        '$data = Join-Path $env:LOCALAPPDATA "ThiDua"',
        "the uninstaller removed the data folder",
        "python build/portable.py",
        "Build sizes",
    ):
        assert word in text, word
    assert text.index("du-lieu-giu-nguyen.txt") < text.index("unins000.exe")
    upload = next(
        step
        for step in windows["steps"]
        if step.get("uses", "").startswith("actions/upload-artifact@")
    )
    assert "dist/ThiDua-Setup-*.exe" in upload["with"]["path"]
    assert "dist/ThiDua-*-portable.zip" in upload["with"]["path"]
    assert upload["with"]["if-no-files-found"] == "error"


# The Inno Setup script ---------------------------------------------------------------------------


def iss_sections() -> dict[str, list[str]]:
    """The script's lines by section, comments and preprocessor lines left out."""
    sections: dict[str, list[str]] = {"": []}
    current = ""
    for raw in ISS.read_text(encoding="utf-8-sig").splitlines():
        line = raw.strip()
        if not line or line.startswith(";") or line.startswith("#"):
            continue
        if line.startswith("[") and line.endswith("]"):
            current = line[1:-1]
            sections.setdefault(current, [])
        else:
            sections[current].append(line)
    return sections


def directives(section: list[str]) -> dict[str, str]:
    return dict(line.split("=", 1) for line in section if "=" in line)


def test_iss_is_utf8_with_a_bom() -> None:
    # Inno Setup before 6.3 reads a script as UTF-8 only with a BOM; the texts are Vietnamese.
    assert ISS.read_bytes().startswith(b"\xef\xbb\xbf")


def test_iss_installs_per_user_without_admin_and_upgrades_in_place() -> None:
    setup = directives(iss_sections()["Setup"])
    assert setup["PrivilegesRequired"] == "lowest"
    assert "PrivilegesRequiredOverridesAllowed" not in setup
    assert setup["AppId"] == APP_ID
    assert setup["UsePreviousAppDir"] == "yes"
    # {autopf} is {userpf} (%LOCALAPPDATA%\Programs) in non administrative install mode: the
    # program's folder, never the data folder %LOCALAPPDATA%\ThiDua.
    assert setup["DefaultDirName"] == "{autopf}\\ThiDua"
    assert setup["UninstallDisplayIcon"] == "{app}\\ThiDua.exe"


def test_iss_takes_version_and_publisher_from_the_defines() -> None:
    text = ISS.read_text(encoding="utf-8-sig")
    setup = directives(iss_sections()["Setup"])
    assert setup["AppVersion"] == "{#AppVersion}"
    assert setup["AppPublisher"] == "{#AppPublisher}"
    assert setup["OutputBaseFilename"] == "ThiDua-Setup-{#AppVersion}"
    for define in ("AppVersion", "AppPublisher"):
        assert re.search(rf"#ifndef {define}\n\s*#error ", text), define
    # No version or publisher written in the script (its comments aside): desktop/__init__.py
    # is their only home.
    entries = "\n".join(line for lines in iss_sections().values() for line in lines)
    assert desktop.__version__ not in entries
    assert desktop.PUBLISHER not in entries


def test_workflow_checks_the_data_folder_the_app_uses_on_windows(workflow: dict[Any, Any]) -> None:
    local = PureWindowsPath("C:/Users/Cán bộ/AppData/Local")
    data = paths.user_data_root("win32", {"LOCALAPPDATA": str(local)})
    assert PureWindowsPath(data) == local / "ThiDua"
    # The installer's folder ({autopf} = %LOCALAPPDATA%\Programs) holds no data.
    assert not PureWindowsPath(data).is_relative_to(local / "Programs")
    assert f'Join-Path $env:LOCALAPPDATA "{data.name}"' in steps_text(workflow["jobs"]["windows"])


def test_iss_never_deletes_the_data_folder() -> None:
    sections = iss_sections()
    deletes = sections.get("InstallDelete", []) + sections.get("UninstallDelete", [])
    assert deletes, "the script names what it deletes"
    for entry in deletes:
        name = re.search(r'Name:\s*"([^"]+)"', entry)
        assert name is not None, entry
        target = name.group(1).lower()
        assert "localappdata" not in target and "appdata" not in target, entry
        assert target not in ("{app}", "{app}\\", "{app}\\*", "{app}\\*.*"), entry
        assert not target.startswith("{app}\\data"), entry
        assert "*" not in target, entry
    # The installed program is never portable: its data would move into its own folder.
    files = " ".join(sections["Files"])
    assert "\\portable.txt" in files and "\\data\\*" in files
    assert "[Dirs]" not in ISS.read_text(encoding="utf-8-sig")


def test_iss_speaks_vietnamese_in_shortcuts_and_messages() -> None:
    sections = iss_sections()
    icons = " ".join(sections["Icons"])
    assert '"{autoprograms}\\ThiĐua"' in icons and '"{autodesktop}\\ThiĐua"' in icons
    messages = directives(sections["Messages"])
    for key in (
        "ButtonNext",
        "ButtonBack",
        "ButtonInstall",
        "ButtonCancel",
        "ButtonFinish",
        "SelectTasksLabel2",
        "WizardReady",
        "ReadyLabel1",
        "InstallingLabel",
        "FinishedHeadingLabel",
        "FinishedLabel",
        "ExitSetupMessage",
        "ConfirmUninstall",
        "UninstalledAll",
        "ApplicationsFound2",
        "StatusExtractFiles",
    ):
        assert key in messages, key
    assert "giữ nguyên" in messages["ConfirmUninstall"]
    custom = directives(sections["CustomMessages"])
    assert custom["CreateDesktopIcon"].startswith("Tạo lối tắt")
    assert directives(sections["LangOptions"])["LanguageID"] == "$042A"


# build/version.py --------------------------------------------------------------------------------


def test_version_script_prints_desktops_version_and_publisher() -> None:
    script = ROOT / "build" / "version.py"
    env_lines = (
        subprocess.run([sys.executable, str(script)], capture_output=True, check=True, timeout=60)
        .stdout.decode("utf-8")
        .splitlines()
    )
    assert env_lines == [
        f"THIDUA_VERSION={desktop.__version__}",
        f"THIDUA_PUBLISHER={desktop.PUBLISHER}",
    ]
    defines = (
        subprocess.run(
            [sys.executable, str(script), "--iscc"], capture_output=True, check=True, timeout=60
        )
        .stdout.decode("utf-8")
        .splitlines()
    )
    assert defines == [f"/DAppVersion={desktop.__version__}", f"/DAppPublisher={desktop.PUBLISHER}"]


def test_version_script_refuses_a_version_windows_cannot_carry(tmp_path: Path) -> None:
    version = build_module("version")
    init = tmp_path / "__init__.py"
    init.write_text(
        '__version__ = "0.2.0rc1"\nAPP_NAME = "ThiĐua"\nPUBLISHER = "UBND phường"\n',
        encoding="utf-8",
    )
    with pytest.raises(SystemExit, match="tối đa bốn số"):
        version.read_release(init)
    init.write_text('__version__ = "0.2.0"\nAPP_NAME = "ThiĐua"\n', encoding="utf-8")
    with pytest.raises(SystemExit, match="thiếu PUBLISHER"):
        version.read_release(init)


# build/portable.py -------------------------------------------------------------------------------


def fake_one_folder_build(root: Path) -> Path:
    dist = root / "dist" / "ThiDua"
    (dist / "_internal" / "PySide6").mkdir(parents=True)
    (dist / "ThiDua.exe").write_bytes(b"MZ")
    (dist / "_internal" / "PySide6" / "Qt6Core.dll").write_bytes(b"dll")
    (dist / "thidua-selftest.txt").write_text("THIDUA SELF-TEST OK", encoding="utf-8")
    (dist / "data").mkdir()
    (dist / "data" / "thidua.sqlite3").write_bytes(b"trial")
    return dist


def test_portable_zip_carries_the_build_and_the_marker(tmp_path: Path) -> None:
    portable = build_module("portable")
    assert portable.MARKER == paths.PORTABLE_MARKER
    dist = fake_one_folder_build(tmp_path)
    target = portable.build_portable_zip(dist, tmp_path / "out", "0.1.0")
    assert target == tmp_path / "out" / "ThiDua-0.1.0-portable.zip"
    with zipfile.ZipFile(target) as archive:
        names = {name for name in archive.namelist() if not name.endswith("/")}
        marker = archive.read("ThiDua/portable.txt").decode("utf-8")
    assert names == {
        "ThiDua/ThiDua.exe",
        "ThiDua/_internal/PySide6/Qt6Core.dll",
        "ThiDua/portable.txt",
    }
    assert "chế độ di động" in marker


def test_unzipped_portable_build_keeps_its_data_beside_the_program(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    portable = build_module("portable")
    target = portable.build_portable_zip(fake_one_folder_build(tmp_path), tmp_path / "out", "0.1.0")
    usb = tmp_path / "usb"
    with zipfile.ZipFile(target) as archive:
        archive.extractall(usb)
    monkeypatch.delenv("THIDUA_DATA_DIR", raising=False)
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", str(usb / "ThiDua" / "ThiDua.exe"))
    assert resolve_data_folder(None).root == (usb / "ThiDua" / "data").resolve()


def test_portable_zip_refuses_a_folder_without_the_program(tmp_path: Path) -> None:
    portable = build_module("portable")
    with pytest.raises(SystemExit, match="Không thấy bản đóng gói"):
        portable.build_portable_zip(tmp_path, tmp_path / "out", "0.1.0")
