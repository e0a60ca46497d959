"""Limits, bad input and the health probes over the API on both engines."""

from api_client import Api


async def test_limits_and_bad_input(api: Api) -> None:
    err = await api.error("{ exercises(first: 101) { edges { cursor } } }")
    assert err["extensions"]["code"] == "BAD_USER_INPUT"
    err = await api.error('{ exercises(after: "not-a-cursor") { edges { cursor } } }')
    assert err["extensions"]["code"] == "BAD_USER_INPUT" and "cursor" in err["message"]
    err = await api.error("query($t: String!) { search(text: $t) { score } }", {"t": "x" * 500})
    assert err["extensions"]["code"] == "BAD_USER_INPUT"
    deep = (
        '{ exercise(slug: "push-up") { variations { variations { variations { variations { variations { '
        "variations { variations { variations { variations { variations { slug } } } } } } } } } } } }"
    )
    err = await api.error(deep)
    assert "depth" in err["message"]
    aliases = "{ " + " ".join(f'a{i}: exercise(slug: "push-up") {{ name }}' for i in range(40)) + " }"
    err = await api.error(aliases)
    assert "alias" in err["message"].lower()


async def test_health_and_readiness(api: Api) -> None:
    assert (await api.client.get("/healthz")).json() == {"status": "ok"}
    ready = await api.client.get("/readyz")
    assert ready.status_code == 200 and ready.json()["status"] == "ready"
