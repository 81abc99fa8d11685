"""Opening a stored file (tệp đính kèm) in the system's viewer, for every list of files."""

from __future__ import annotations

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QWidget

from desktop.awards.attachments import viewer_folder, viewing_copy
from desktop.context import AppContext
from desktop.errors import Refusal
from desktop.models import Attachment
from desktop.ui.errors import show_error


def open_attachment(parent: QWidget, ctx: AppContext, attachment: Attachment) -> None:
    """A copy under the original name goes to the system viewer, in the data folder's own
    temporary area; the store is never edited. A missing or unreadable file is said."""
    try:
        folder = ctx.folder
        copy = viewing_copy(folder.attachments, attachment, viewer_folder(folder))
    except (Refusal, OSError) as error:
        show_error(parent, error)
        return
    QDesktopServices.openUrl(QUrl.fromLocalFile(str(copy)))
