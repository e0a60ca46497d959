"""This taxonomy's muscles in the vocabulary of the React component react-body-highlighter (its `Muscle` names),
so a frontend can draw a muscle from the graph with it. A muscle the component does not draw maps to nothing."""

BODY_HIGHLIGHTER_MUSCLES = frozenset(
    {
        "trapezius", "upper-back", "lower-back", "chest", "biceps", "triceps", "forearm", "back-deltoids",
        "front-deltoids", "abs", "obliques", "adductor", "hamstring", "quadriceps", "abductors", "calves",
        "gluteal", "head", "neck", "knees", "left-soleus", "right-soleus",
    }
)  # fmt: skip

BODY_HIGHLIGHTER_NAMES: dict[str, tuple[str, ...]] = {
    "pectorals": ("chest",),
    "upper-chest": ("chest",),
    "lower-chest": ("chest",),
    "serratus-anterior": ("chest",),
    "lats": ("upper-back",),
    "traps": ("trapezius",),
    "rhomboids": ("upper-back",),
    "lower-back": ("lower-back",),
    "teres-major": ("upper-back",),
    "front-deltoids": ("front-deltoids",),
    "side-deltoids": ("front-deltoids", "back-deltoids"),
    "rear-deltoids": ("back-deltoids",),
    "rotator-cuff": ("back-deltoids",),
    "biceps": ("biceps",),
    "triceps": ("triceps",),
    "brachialis": ("biceps",),
    "brachioradialis": ("forearm",),
    "forearms": ("forearm",),
    "glutes": ("gluteal",),
    "quadriceps": ("quadriceps",),
    "hamstrings": ("hamstring",),
    "calves": ("calves",),
    "soleus": ("left-soleus", "right-soleus"),
    "adductors": ("adductor",),
    "abductors": ("abductors",),
    "hip-flexors": ("quadriceps",),
    "tibialis-anterior": (),
    "abs": ("abs",),
    "obliques": ("obliques",),
    "transverse-abdominis": ("abs",),
    "neck": ("neck",),
    "levator-scapulae": ("neck", "trapezius"),
}


def body_highlighter_names(muscle: str) -> list[str]:
    return list(BODY_HIGHLIGHTER_NAMES.get(muscle, ()))
