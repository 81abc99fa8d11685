"""Small widgets shared by the dossier and catalogue dialogs: OK/Hủy buttons in Vietnamese, tables,
a date field (the pickers of names are :mod:`desktop.ui.widgets.picker`'s)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QAbstractItemModel, QDate
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QTableView,
)

from desktop.ui.texts import dossiers as t
from desktop.ui.widgets.buttons import ok_cancel
from desktop.ui.widgets.elided import full_text_tips


def dialog_buttons(dialog: QDialog, ok_text: str = t.OK) -> QDialogButtonBox:
    """OK and Hủy wired to the dialog; Qt's own button texts would be English."""
    return ok_cancel(dialog, ok_text)


def table_view(model: QAbstractItemModel, name: str) -> QTableView:
    view = QTableView()
    view.setObjectName(name)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setAlternatingRowColors(True)
    view.verticalHeader().setVisible(False)
    view.horizontalHeader().setStretchLastSection(True)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    view.setWordWrap(True)
    full_text_tips(view)  # a long award name or criterion cut by its column reads whole on hover
    return view


def date_edit(name: str) -> QDateEdit:
    """A date up to today, typed or picked, shown dd/MM/yyyy."""
    edit = QDateEdit(QDate.currentDate())
    edit.setObjectName(name)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("dd/MM/yyyy")
    edit.setMaximumDate(QDate.currentDate())
    return edit


def day_of(value: QDate) -> date:
    """A QDate as a date (the stubs type ``QDate.toPython`` as object)."""
    return date(value.year(), value.month(), value.day())
