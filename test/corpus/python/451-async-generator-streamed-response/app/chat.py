"""The chat service: an async generator streaming the model's answer while it records the turn."""
from openai import AsyncOpenAI

from app.store import History

llm = AsyncOpenAI(timeout=30)


class ChatService:
    def __init__(self):
        self.history = History()

    async def stream(self, user: str, question: str):
        self.history.add(user, question)  # expect: blocking-call-in-async-handler
        context = await self.history.context(user)  # expect: blocking-call-in-async-handler
        stream = await llm.chat.completions.create(model="gpt-4o-mini", stream=True, messages=[{"role": "system", "content": context}, {"role": "user", "content": question}])
        async for chunk in stream:
            yield chunk.choices[0].delta.content or ""
