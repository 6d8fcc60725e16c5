"""Retrieval service: the store is handed in by whoever builds the service (no type known here)."""


class Retriever:
    def __init__(self, store):
        self.store = store

    async def context_for(self, question: str) -> str:
        hits = self.store.similarity_search(question, k=4)  # expect: blocking-call-in-async-handler
        return "\n".join(h.page_content for h in hits)

    async def diverse(self, question: str) -> list:
        return self.store.max_marginal_relevance_search(question, k=4, fetch_k=20)  # expect: blocking-call-in-async-handler
