"""Key/value settings of the ward (thông tin phường) and of the app, stored in the database.

Stored as keys so that a new setting never needs a schema change; :mod:`desktop.settings` gives the
typed view.
"""

from __future__ import annotations

from sqlmodel import Field, SQLModel


class Setting(SQLModel, table=True):
    key: str = Field(primary_key=True, max_length=80)
    value: str = Field(default="")
