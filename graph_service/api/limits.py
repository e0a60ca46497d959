"""Bounds on what one request may ask for."""

DEFAULT_PAGE = 20
MAX_PAGE = 100
MAX_ALTERNATIVES = 50
DEFAULT_ALTERNATIVES = 5  # on an exercise; the root `alternatives` field gives 10
DEFAULT_RELATED = 5
MAX_SEARCH = 50
MAX_LIST_ITEMS = 50
MAX_TEXT = 100
MAX_SLUG = 80
MAX_DEPTH = 10
MAX_TOKENS = 2000
MAX_ALIASES = 30
