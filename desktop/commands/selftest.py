"""``ThiDua --self-test``: prove that a build works on this machine, step by step.

In a scratch data folder it creates the database with the demo ward and checks it, renders a report
to PDF with embedded fonts (the line names the serif chosen and its folder, and the fonts read
back from the PDF), writes an encrypted backup to a second folder and verifies it by a
trial restore, then opens the main window and every page. It prints one line
(``THIDUA SELF-TEST OK …``) and exits 0, or names the failing step and exits 1.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from pathlib import Path


def _database(folder: Path) -> str:
    from desktop.demo.ward import build_demo_ward
    from desktop.storage import Database

    db = Database.open(folder / "thidua.sqlite3")
    try:
        build_demo_ward(db)
        problems = db.integrity_problems()
        if problems:
            raise RuntimeError("; ".join(problems))
        return f"schema {db.schema_revision()}"
    finally:
        db.close()


def _document(folder: Path) -> str:
    from desktop.documents.common import DocumentRequest
    from desktop.documents.fonts import register_fonts
    from desktop.documents.service import render
    from desktop.storage import Database

    db = Database.open(folder / "thidua.sqlite3")
    try:
        with db.session() as session:
            pdf = render(session, DocumentRequest("report", year=2025, quarter=4))
    finally:
        db.close()
    if not pdf.startswith(b"%PDF") or b"/FontFile2" not in pdf:
        raise RuntimeError("tệp PDF không hợp lệ hoặc thiếu phông chữ nhúng")
    embedded, missing = embedded_fonts(pdf)
    if missing or not embedded:
        raise RuntimeError(f"phông chữ không được nhúng: {', '.join(missing) or 'không có phông'}")
    (folder / "bao-cao.pdf").write_bytes(pdf)
    # Which serif the renderer chose, and where it found it: Windows's Times New Roman or the
    # bundled Liberation Serif (registered by the render above; this only reads the choice).
    chosen = register_fonts().describe()
    return f"báo cáo PDF {len(pdf) // 1024} KB, phông chữ {chosen}, phông nhúng: {', '.join(embedded)}"


def embedded_fonts(pdf: bytes) -> tuple[list[str], list[str]]:
    """The fonts the PDF's text is set in, read back from the file: (embedded, not embedded).

    Read with PDFium (pypdfium2, which the bundle carries for the preview), by the base font name
    of each text object, without the subset tag ("AAAAAA+LiberationSerif-Bold").
    """
    import ctypes

    import pypdfium2 as pdfium
    import pypdfium2.raw as raw

    embedded: set[str] = set()
    missing: set[str] = set()
    document = pdfium.PdfDocument(pdf)
    try:
        for page in document:
            for item in page.get_objects(filter=[raw.FPDF_PAGEOBJ_TEXT]):
                font = raw.FPDFTextObj_GetFont(item.raw)
                size = raw.FPDFFont_GetBaseFontName(font, None, 0)
                buffer = ctypes.create_string_buffer(size)
                raw.FPDFFont_GetBaseFontName(font, buffer, size)
                name = buffer.value.decode("utf-8", "replace").split("+")[-1]
                (embedded if raw.FPDFFont_GetIsEmbedded(font) else missing).add(name)
            page.close()
    finally:
        document.close()
    return sorted(embedded), sorted(missing)


def _backup(folder: Path) -> str:
    from desktop.backup.archive import create_backup
    from desktop.backup.restore import trial_restore
    from desktop.paths import DataFolder

    usb = folder.parent / f"{folder.name}-usb"
    usb.mkdir()
    data = DataFolder(folder).ensure()
    result = create_backup(data, usb, passphrase="tu-kiem-tra")
    trial_restore(result.path, passphrase="tu-kiem-tra", work_dir=data.scratch)
    return f"sao lưu mã hóa {result.path.stat().st_size // 1024} KB, khôi phục thử đạt"


def _window(folder: Path) -> str:
    from desktop.context import AppContext
    from desktop.ui.app import make_application
    from desktop.ui.main_window import MainWindow
    from desktop.ui.pages import PAGES

    app = make_application()
    ctx = AppContext.from_args(folder)
    try:
        window = MainWindow(ctx)
        window.start()
        for row, spec in enumerate(PAGES):
            window.navigation.setCurrentRow(row)
            app.processEvents()
            page = window.stack.currentWidget()
            if page is None or page.objectName() != f"page_{spec.key}":
                raise RuntimeError(f"trang “{spec.title}” không mở được")
        previewed = _preview(folder / "bao-cao.pdf")
        window.close()
        return f"{len(PAGES)} trang{previewed}"
    finally:
        ctx.close()


def _preview(pdf: Path) -> str:
    """Show the report of the document step in the in-app preview (PDFium inside the bundle)."""
    if not pdf.exists():
        return ""
    from desktop.ui.documents.preview import PdfPreview

    preview = PdfPreview()
    pages = preview.show_pdf(pdf.read_bytes())
    if pages < 1 or preview.sheet.pixmap().isNull():
        raise RuntimeError("không xem trước được văn bản")
    preview.deleteLater()
    return f", xem trước {pages} trang PDF"


STEPS: list[tuple[str, Callable[[Path], str]]] = [
    ("cơ sở dữ liệu", _database),
    ("văn bản PDF", _document),
    ("sao lưu và khôi phục thử", _backup),
    ("cửa sổ chính", _window),
]


def main() -> int:
    base = Path(tempfile.mkdtemp(prefix="thidua-selftest-"))
    scratch = base / "data"
    scratch.mkdir()
    results = []
    started = time.perf_counter()
    try:
        for name, step in STEPS:
            try:
                results.append(f"{name}: {step(scratch)}")
            except Exception:
                _say(f"THIDUA SELF-TEST FAILED at step “{name}”\n{traceback.format_exc()}")
                return 1
        elapsed = time.perf_counter() - started
        _say(f"THIDUA SELF-TEST OK in {elapsed:.1f} s — " + "; ".join(results))
        return 0
    finally:
        shutil.rmtree(base, ignore_errors=True)


def _say(text: str) -> None:
    stream = sys.stdout if sys.stdout is not None else None
    if stream is not None:
        print(text, flush=True)
    else:  # a windowed build on Windows has no console: leave the line beside the program
        Path(sys.executable).with_name("thidua-selftest.txt").write_text(text, encoding="utf-8")
