"""What several pages share: table models, the import preview, background work with progress."""
