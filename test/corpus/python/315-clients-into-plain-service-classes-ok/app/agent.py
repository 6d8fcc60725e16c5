"""The answering agent: async, the sync inference runs in a worker thread."""
import asyncio

from app.inference import InferenceService


class Agent:
    def __init__(self, inference: InferenceService) -> None:
        self.inference = inference

    async def answer(self, question: str) -> str:
        text = await asyncio.to_thread(self.inference.generate, f"Answer briefly: {question}")
        return text.strip()
