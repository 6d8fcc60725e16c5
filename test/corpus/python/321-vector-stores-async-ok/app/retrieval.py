"""Retrieval service on the async twins, plus a store wrapper of our own with an async search."""
import asyncio


class Retriever:
    def __init__(self, store):
        self.store = store

    async def context_for(self, question: str) -> str:
        hits = await self.store.asimilarity_search(question, k=4)
        return "\n".join(h.page_content for h in hits)

    async def offloaded(self, question: str) -> list:
        return await asyncio.to_thread(self.store.similarity_search, question, k=4)


class CachedStore:
    """Our own store with an async search (same name as LangChain's sync one)."""

    def __init__(self):
        self.cache: dict = {}

    async def similarity_search(self, question: str, k: int = 4) -> list:
        await asyncio.sleep(0)
        return self.cache.get(question, [])[:k]


cached = CachedStore()


async def cached_context(question: str) -> list:
    return await cached.similarity_search(question, k=2)
