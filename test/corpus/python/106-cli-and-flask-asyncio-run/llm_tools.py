"""Helpers shared by the Flask app: async in name, but only ever run with asyncio.run from sync views."""
from anthropic import Anthropic

claude = Anthropic(timeout=60)


async def draft_reply(ticket: str) -> str:
    msg = claude.messages.create(model="claude-3-5-haiku-latest", max_tokens=400, messages=[{"role": "user", "content": ticket}])
    return msg.content[0].text


async def tag_ticket(ticket: str) -> str:
    msg = claude.messages.create(model="claude-3-5-haiku-latest", max_tokens=20, messages=[{"role": "user", "content": f"One tag for: {ticket}"}])
    return msg.content[0].text


async def triage(ticket: str) -> dict:
    return {"tag": await tag_ticket(ticket), "draft": await draft_reply(ticket)}


async def translate(ticket: str, lang: str) -> str:
    # Also awaited by the ASGI webhook below: that call runs on a server loop.
    msg = claude.messages.create(model="claude-3-5-haiku-latest", max_tokens=400, messages=[{"role": "user", "content": f"Translate to {lang}: {ticket}"}])  # expect: blocking-llm-call
    return msg.content[0].text
