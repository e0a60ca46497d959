"""Importers: public exercise datasets and Markdown cards, mapped onto the taxonomy and merged into the graph."""

from graph_service.importers.cards import prepare_card_import
from graph_service.importers.common import ImportValidationError, SourceExercise, Taxonomy, read_taxonomy
from graph_service.importers.exercisedb import read_exercisedb
from graph_service.importers.free_exercise_db import read_free_exercise_db
from graph_service.importers.merge import ImportPlan, ImportSummary, import_records, prepare_import, write_plan

__all__ = [
    "ImportPlan",
    "ImportSummary",
    "ImportValidationError",
    "SourceExercise",
    "Taxonomy",
    "import_records",
    "prepare_card_import",
    "prepare_import",
    "read_exercisedb",
    "read_free_exercise_db",
    "read_taxonomy",
    "write_plan",
]
