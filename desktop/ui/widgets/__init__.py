"""What several pages share: table models, the import preview, background work with progress, and
Ctrl+Z / Ctrl+Y over the door's undo history (:mod:`undo_actions`)."""
