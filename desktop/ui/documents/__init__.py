"""Văn bản page: choosing, previewing, issuing and printing documents."""
