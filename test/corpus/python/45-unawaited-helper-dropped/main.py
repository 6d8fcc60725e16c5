"""Activity feed; the digest is meant to be sent in the background."""
from fastapi import FastAPI

from notifications.digest import send_digest

app = FastAPI()
EVENTS: dict[str, list[str]] = {}


@app.post("/events/{email}")
async def add_event(email: str, event: str):
    EVENTS.setdefault(email, []).append(event)
    if len(EVENTS[email]) >= 10:
        send_digest(email, EVENTS.pop(email))  # expect: unawaited-llm-call
    return {"pending": len(EVENTS.get(email, []))}


@app.post("/digest/{email}")
async def digest_now(email: str):
    await send_digest(email, EVENTS.pop(email, []))
    return {"sent": True}
