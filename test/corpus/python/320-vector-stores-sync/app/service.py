"""Answering service between the routes and the retriever: it only awaits."""
from app.retrieval import Retriever
from app.store import docs_store


class AnswerService:
    def __init__(self):
        self.retriever = Retriever(docs_store)

    async def context(self, question: str) -> str:
        return await self.retriever.context_for(question)
