"""All words the window shows, in Vietnamese, grouped by page, so they are reviewed together."""
