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
MAX_NESTING = 64  # brackets of any kind open at once in a document, checked before it is parsed

# The cost analysis (graph_service.api.document_limits) counts a list field with a `first` argument as that many
# items, at most its maximum below (MAX_PAGE if unnamed); `related`'s `first` counts per group, of RELATED_GROUPS.
FIRST_MAX = {
    "Query.alternatives": MAX_ALTERNATIVES,
    "Exercise.alternatives": MAX_ALTERNATIVES,
    "Exercise.related": MAX_ALTERNATIVES,
    "Query.search": MAX_SEARCH,
}
RELATED_GROUPS = 8  # a body part, a few kinds of equipment, a few target muscles
# A list field without `first` counts as this many items: whole taxonomies, an exercise's family, ...
LIST_SIZES = {
    "Query.muscles": 50,
    "Query.equipment": 50,
    "Query.bodyParts": 20,
    "Query.movementPatterns": 50,
    "Query.kits": 50,
    "BodyPart.muscles": 20,
    "Kit.equipment": 50,
    "Exercise.variations": 30,
    "Query.nodes": MAX_LIST_ITEMS,
    # The items of a list whose parent's `first` counted them already.
    "ExerciseConnection.edges": 1,
    "RelatedGroup.exercises": 1,
    "Facets.bodyParts": 20,
    "Facets.muscles": 50,
    "Facets.equipment": 50,
    "Facets.patterns": 50,
}
LIST_SIZE = 5  # any other list: an exercise's muscles, equipment, steps; an alternative's shared muscles
# Fields that read the store on their own for each parent, beside the batched loads every other field shares (1),
# weigh about what their statement costs next to a field: ranking alternatives most, a page or a count less.
STATEMENT_COSTS = {
    "Query.alternatives": 200,
    "Exercise.alternatives": 200,
    "Exercise.related": 200,
    "Exercise.card": 100,  # an exercise's facts: its own ranked alternatives, shared by card and faq
    "Exercise.faq": 100,
    "Query.search": 125,
    "Query.facets": 125,
    # A page and, when asked, its count; the count is one per page, so it weighs nothing of its own (a page's
    # `first` counts its whole selection, totalCount and pageInfo included: a small overcount).
    "Query.exercises": 150,
    "Muscle.exercises": 150,
    "Equipment.exercises": 150,
    "BodyPart.exercises": 150,
}
# Objects that cost more than their fields, for each one answered: an exercise's row is read and built.
OBJECT_COSTS = {"Exercise": 5}
DEFAULT_MAX_COST = 3500  # Settings.max_query_cost
