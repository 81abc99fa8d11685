"""Sao lưu page: backups to USB, restore, automatic backups and the start-up check."""
