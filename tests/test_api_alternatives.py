"""Ranked alternatives over the API on both engines."""

from api_client import Api

from graph_service.seeding import SeedBundle


async def test_alternatives_of_the_hip_thrust(api: Api, knowledge_base: SeedBundle) -> None:
    data = await api.data("""{
      alternatives(slug: "barbell-hip-thrust", first: 15) {
        score sameFamily reason sharedTargets { slug } sharedSecondary { slug } exercise { slug }
      }
    }""")
    alts = data["alternatives"]
    slugs = [a["exercise"]["slug"] for a in alts]
    assert "glute-bridge" in slugs and "barbell-hip-thrust" not in slugs
    scores = [a["score"] for a in alts]
    assert scores == sorted(scores, reverse=True) and all(0 < s <= 1 for s in scores)
    assert alts[0]["sharedTargets"] == [{"slug": "glutes"}]
    assert all(a["reason"].endswith(".") and len(a["reason"]) > 10 for a in alts)
    bridge = next(a for a in alts if a["exercise"]["slug"] == "glute-bridge")
    assert bridge["sameFamily"] is True and "variation" in bridge["reason"]


async def test_alternatives_limited_to_what_i_have(api: Api, knowledge_base: SeedBundle) -> None:
    data = await api.data("""{
      exercise(slug: "barbell-hip-thrust") {
        alternatives(first: 20, availableEquipment: ["body-weight"], maxDifficulty: BEGINNER) {
          exercise { slug difficulty equipment { slug } }
        }
      }
    }""")
    alts = data["exercise"]["alternatives"]
    assert alts
    for a in alts:
        assert [q["slug"] for q in a["exercise"]["equipment"]] == ["body-weight"]
        assert a["exercise"]["difficulty"] == "BEGINNER"


async def test_alternatives_of_an_unknown_exercise(api: Api) -> None:
    err = await api.error('{ alternatives(slug: "no-such-move") { score } }')
    assert err["extensions"]["code"] == "NOT_FOUND" and "no-such-move" in err["message"]
