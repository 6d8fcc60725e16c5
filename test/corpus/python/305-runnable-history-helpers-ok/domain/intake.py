"""The intake service: the sync extraction runs in a worker thread, the quick path is async."""
import asyncio

from lib.extract import aextract_fields, extract_fields


class IntakeService:
    async def handle(self, text: str, session_id: str) -> dict:
        fields = await asyncio.to_thread(extract_fields, text, session_id)
        return {"name": fields.name, "request": fields.request}

    async def quick(self, text: str, session_id: str) -> dict:
        fields = await aextract_fields(text, session_id)
        return {"name": fields.name}
