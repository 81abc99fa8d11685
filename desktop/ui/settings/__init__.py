"""Thông tin phường page and the settings dialog."""
