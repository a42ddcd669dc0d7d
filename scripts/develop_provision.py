"""First run of the demo home: onboarding, rooms, LLM Ensemble and a Spanish Assist pipeline.

Everything goes through Home Assistant's own HTTP and websocket APIs, the way the frontend
does it, so the result is what a user would get by clicking: onboarding done for one user,
each demo device in its area (areas and entities with the aliases the device table gives), the
integration created by its config flow (which loads the models), its options flow confirmed with
the suggested mapping, and a preferred Spanish Assist pipeline whose conversation agent is LLM
Ensemble.
"""

from __future__ import annotations

import asyncio
import sys
from typing import Any

import aiohttp

from devtools.demo_home import AREA_ALIASES as DEMO_AREA_ALIASES
from devtools.demo_home import DEVICES

URL = "http://localhost:8123"
CLIENT_ID = f"{URL}/"
USER, PASSWORD = "dev", "dev"
AGENT = "conversation.llm_ensemble"
ONLINE_INTEGRATIONS = {"met", "radio_browser", "google_translate"}  # added by onboarding
# The demo home's table (devtools/demo_home.py): template unique_id -> area, and the aliases a user
# sets in an area's or an entity's settings.
AREAS = {device.unique_id: device.area for device in DEVICES}
AREA_ALIASES = {area: list(aliases) for area, aliases in DEMO_AREA_ALIASES.items()}
ALIASES = {device.unique_id: list(device.aliases) for device in DEVICES if device.aliases}


async def wait_until_up(session: aiohttp.ClientSession) -> None:
    for _ in range(600):
        try:
            async with session.get(f"{URL}/api/onboarding"):
                return  # any answer: the HTTP server is up (404 once onboarding is done)
        except aiohttp.ClientError:
            pass
        await asyncio.sleep(1)
    raise SystemExit("Home Assistant did not start on localhost:8123 within 10 minutes")


async def onboard(session: aiohttp.ClientSession) -> str | None:
    """Create the owner and finish every onboarding step; None if it was done before."""
    async with session.get(f"{URL}/api/onboarding") as resp:
        if resp.status != 200:
            return None
        steps = {s["step"]: s["done"] for s in await resp.json()}
    if steps.get("user"):
        return None
    user = {"client_id": CLIENT_ID, "name": "Dev", "username": USER, "password": PASSWORD, "language": "es"}
    async with session.post(f"{URL}/api/onboarding/users", json=user) as resp:
        resp.raise_for_status()
        code = (await resp.json())["auth_code"]
    token_form = {"grant_type": "authorization_code", "code": code, "client_id": CLIENT_ID}
    async with session.post(f"{URL}/auth/token", data=token_form) as resp:
        resp.raise_for_status()
        token = str((await resp.json())["access_token"])
    headers = {"Authorization": f"Bearer {token}"}
    for step, body in (
        ("core_config", {}),
        ("analytics", {}),
        ("integration", {"client_id": CLIENT_ID, "redirect_uri": f"{URL}/?auth_callback=1"}),
    ):
        async with session.post(f"{URL}/api/onboarding/{step}", json=body, headers=headers) as resp:
            resp.raise_for_status()
    return token


class Socket:
    """A minimal websocket API client: one command at a time."""

    def __init__(self, ws: aiohttp.ClientWebSocketResponse) -> None:
        self.ws = ws
        self.next_id = 1

    async def call(self, command: str, **data: Any) -> Any:
        msg_id, self.next_id = self.next_id, self.next_id + 1
        await self.ws.send_json({"id": msg_id, "type": command, **data})
        while True:
            msg = await self.ws.receive_json()
            if msg.get("id") == msg_id and msg.get("type") == "result":
                if not msg["success"]:
                    raise SystemExit(f"{command} failed: {msg['error']}")
                return msg["result"]


async def place_devices(socket: Socket) -> None:
    """Each area (with its aliases), each device in its area (with its aliases)."""
    areas = {a["name"]: a["area_id"] for a in await socket.call("config/area_registry/list")}
    for name in sorted(set(AREAS.values())):
        if name not in areas:
            created = await socket.call("config/area_registry/create", name=name, aliases=AREA_ALIASES.get(name, []))
            areas[name] = created["area_id"]
    for entity in await socket.call("config/entity_registry/list"):
        if entity["platform"] == "template" and (unique_id := entity["unique_id"]) in AREAS:
            await socket.call(
                "config/entity_registry/update",
                entity_id=entity["entity_id"],
                area_id=areas[AREAS[unique_id]],
                aliases=ALIASES.get(unique_id, []),
            )


async def flow(session: aiohttp.ClientSession, headers: dict[str, str], path: str, start: dict[str, Any]) -> Any:
    async with session.post(f"{URL}/api/config/config_entries/{path}", json=start, headers=headers) as resp:
        resp.raise_for_status()
        return await resp.json()


async def configure_agent(session: aiohttp.ClientSession, headers: dict[str, str]) -> None:
    """The config flow with the shipped models, then the options flow with its suggestions."""
    form = await flow(session, headers, "flow", {"handler": "llm_ensemble", "show_advanced_options": False})
    # Votes, temperature and fallback are left to the flows' defaults, as a user clicking through would.
    behaviour = {"weather_entity": "weather.tiempo_en_casa"}
    created = await flow(
        session,
        headers,
        f"flow/{form['flow_id']}",
        {"selector_model": "selector.gguf", "domotics_model": "domotics.gguf"} | behaviour,
    )
    if created.get("type") != "create_entry":
        raise SystemExit(f"LLM Ensemble's config flow did not finish: {created}")
    entry_id = created["result"]["entry_id"]
    await asyncio.sleep(2)  # let the entry load its models
    options = await flow(session, headers, "options/flow", {"handler": entry_id})
    suggested = {
        field["name"]: field["description"]["suggested_value"]
        for field in options["data_schema"]
        if "suggested_value" in (field.get("description") or {})
    }
    done = await flow(session, headers, f"options/flow/{options['flow_id']}", suggested | behaviour)
    mapped = {k: v for k, v in suggested.items() if k not in behaviour}
    print(f"LLM Ensemble configured; {len(mapped)} codes mapped:", file=sys.stderr)
    for code, entity_id in sorted(mapped.items()):
        print(f"  {code:9} -> {entity_id}", file=sys.stderr)
    if done.get("type") != "create_entry":
        raise SystemExit(f"LLM Ensemble's options flow did not finish: {done}")


async def tidy_up(session: aiohttp.ClientSession, headers: dict[str, str]) -> None:
    """Drop what onboarding adds that needs the internet, and switch the lights on to start."""
    async with session.get(f"{URL}/api/config/config_entries/entry", headers=headers) as resp:
        entries = await resp.json()
    for entry in entries:
        if entry["domain"] in ONLINE_INTEGRATIONS:
            async with session.delete(f"{URL}/api/config/config_entries/entry/{entry['entry_id']}", headers=headers):
                pass
    for domain in ("light", "switch"):
        async with session.post(f"{URL}/api/services/{domain}/turn_on", json={"entity_id": "all"}, headers=headers):
            pass


async def make_pipeline(socket: Socket) -> None:
    pipeline = await socket.call(
        "assist_pipeline/pipeline/create",
        name="Casa (LLM Ensemble)",
        language="es",
        conversation_engine=AGENT,
        conversation_language="es",
        stt_engine=None,
        stt_language=None,
        tts_engine=None,
        tts_language=None,
        tts_voice=None,
        wake_word_entity=None,
        wake_word_id=None,
    )
    await socket.call("assist_pipeline/pipeline/set_preferred", pipeline_id=pipeline["id"])


async def main() -> None:
    # The threaded resolver: aiodns in this environment does not match its pycares.
    connector = aiohttp.TCPConnector(resolver=aiohttp.ThreadedResolver())
    async with aiohttp.ClientSession(connector=connector) as session:
        await wait_until_up(session)
        token = await onboard(session)
        if token is None:
            print("Already set up (delete config/.storage to start over).", file=sys.stderr)
            return
        headers = {"Authorization": f"Bearer {token}"}
        async with session.ws_connect(f"{URL}/api/websocket") as ws:
            await ws.receive_json()  # auth_required
            await ws.send_json({"type": "auth", "access_token": token})
            if (await ws.receive_json())["type"] != "auth_ok":
                raise SystemExit("websocket authentication failed")
            socket = Socket(ws)
            await place_devices(socket)
            await configure_agent(session, headers)
            await make_pipeline(socket)
        await tidy_up(session, headers)


if __name__ == "__main__":
    asyncio.run(main())
