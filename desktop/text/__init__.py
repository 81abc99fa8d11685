"""Text the clerk types and reads: stored forms, search and sort keys (:mod:`normal`), and the one
voice in which every verdict, number, percent and date is worded (:mod:`wording`)."""

from desktop.text.normal import clean, clean_line, matches, search_key, sort_key, strip_diacritics

__all__ = ["clean", "clean_line", "matches", "search_key", "sort_key", "strip_diacritics"]
