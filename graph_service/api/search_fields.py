"""Whether a search asks its exercise hits for their texts (description, instructions, tips, mistakes, sources).

Most searches show a name and a link; the texts are most of an exercise's bytes, so the search statement leaves
them out unless the query may need them. The answer is conservative: any selection under `node` or `via` that is
not one of the short facts below (a field of a fragment on another type included) counts as asking.
"""

from collections.abc import Iterable

from strawberry.types import Info
from strawberry.types.nodes import FragmentSpread, InlineFragment, SelectedField, Selection

from graph_service.api.context import Context

Ctx = Info[Context, None]

# Exercise fields answered from the short map the statement returns without the texts; the others go to loaders
# or need the texts.
SHORT = frozenset({"__typename", "id", "slug", "name", "difficulty", "category", "force", "mechanic", "aliases"})
NEEDS_NO_ROW = frozenset({"targets", "secondaryMuscles", "equipment", "bodyPart", "bodyParts", "patterns", "media"})


def _only_short(selections: Iterable[Selection]) -> bool:
    for selection in selections:
        if isinstance(selection, FragmentSpread | InlineFragment):
            if not _only_short(selection.selections):
                return False
        elif isinstance(selection, SelectedField) and selection.name not in SHORT | NEEDS_NO_ROW:
            return False
    return True


def asks_for_texts(info: Ctx) -> bool:
    for field in info.selected_fields:
        for selection in field.selections:
            if isinstance(selection, SelectedField) and selection.name == "node":
                if not _only_short(selection.selections):
                    return True
            elif not isinstance(selection, SelectedField):
                return True  # a fragment on SearchResult: read it all rather than follow it
    return False
