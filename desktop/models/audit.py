"""Nhật ký thay đổi: one row per changed field of every insert, update and delete."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import DateTime
from sqlmodel import Field, SQLModel

from desktop.models._base import now


class AuditEntry(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    at: datetime = Field(sa_type=DateTime, default_factory=now, index=True)
    table_name: str = Field(index=True, max_length=64)
    record_id: int | None = Field(default=None, index=True)
    action: str = Field(max_length=10)  # insert | update | delete
    field: str = Field(default="", max_length=64)
    old_value: str | None = Field(default=None)
    new_value: str | None = Field(default=None)
    reason: str = Field(default="")
