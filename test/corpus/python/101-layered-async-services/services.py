"""Business layer: async methods that build prompts and call the model layer."""
from llm import complete, complete_json


class ReviewService:
    async def summarize(self, text: str) -> str:
        return await complete(f"Summarize:\n{text}")

    async def classify(self, text: str) -> str:
        label = await complete_json(f"Classify the sentiment:\n{text}")
        return label

    async def summarize_and_classify(self, text: str) -> dict:
        summary = await self.summarize(text)
        return {"summary": summary, "label": await self.classify(text)}


reviews = ReviewService()
