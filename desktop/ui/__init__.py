"""The Qt Widgets GUI: it shows and edits, and calls the domain for every change."""
