"""Summaries through whichever backend is configured."""
from app.services.backends import get_backend


class Summarizer:
    async def summarize(self, text: str) -> str:
        backend = get_backend()
        return await backend.complete(f"Summarize in three sentences:\n{text}")
