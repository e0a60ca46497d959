"""What an import did, record by record: the summary the terminal prints and the report is written from."""

from collections import Counter
from dataclasses import dataclass, field


@dataclass(frozen=True)
class NearDuplicate:
    slug: str
    name: str
    candidate: str
    candidate_name: str
    likelihood: float
    why: str


@dataclass(frozen=True)
class Outcome:
    """What became of one record: `created`, `merged` (into `slug`), `unchanged`, `held` for review (its name is an
    existing exercise's, but its facts disagree) or `skipped`, and by which rule."""

    ref: str
    name: str
    outcome: str
    slug: str | None = None
    rule: str = ""
    review: str | None = None
    candidates: tuple[str, ...] = ()
    reason: str | None = None


@dataclass
class ImportSummary:
    """What an import did, or (dry run) would do."""

    source: str
    dry_run: bool = False
    records: int = 0
    created: list[str] = field(default_factory=list)
    merged: list[tuple[str, str]] = field(default_factory=list)
    unchanged: int = 0
    skipped: list[tuple[str, str]] = field(default_factory=list)
    unmapped: Counter[tuple[str, str]] = field(default_factory=Counter)
    by_design: Counter[tuple[str, str]] = field(default_factory=Counter)
    reasons: dict[tuple[str, str], str] = field(default_factory=dict)
    defaulted: Counter[str] = field(default_factory=Counter)
    seconds: float = 0.0
    outcomes: list[Outcome] = field(default_factory=list)
    near_duplicates: list[NearDuplicate] = field(default_factory=list)
    media: int = 0  # pictures and videos added to exercises

    @property
    def review(self) -> list[Outcome]:
        """Records a curator should look at: held, or created although they matched more than one exercise."""
        return [o for o in self.outcomes if o.review]

    @property
    def held(self) -> list[Outcome]:
        """Records neither merged nor created: an exercise has their name, but their facts disagree with it."""
        return [o for o in self.outcomes if o.outcome == "held"]
