"""Nhật ký thay đổi page: reading the audit log the storage layer writes."""
