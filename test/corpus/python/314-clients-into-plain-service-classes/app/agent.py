"""The answering agent: async, over the inference service."""
from app.inference import InferenceService


class Agent:
    def __init__(self, inference: InferenceService) -> None:
        self.inference = inference

    async def answer(self, question: str) -> str:
        text = self.inference.generate(f"Answer briefly: {question}")  # expect: blocking-llm-call
        return text.strip()
