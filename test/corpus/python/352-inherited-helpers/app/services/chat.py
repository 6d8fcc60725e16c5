"""Chat service: an async LLM call, then the usage recorded through the inherited sync helper."""
from openai import AsyncOpenAI
from pydantic import BaseModel

from app.services.usage import UsageRecorder


class ChatService(UsageRecorder):
    def __init__(self):
        self.client = AsyncOpenAI(timeout=30)

    async def process(self, question: str) -> str:
        response = await self.client.chat.completions.create(model="gpt-4o-mini", messages=[{"role": "user", "content": question}])
        self.record_usage(response.usage.prompt_tokens, response.usage.completion_tokens)  # expect: blocking-call-in-async-handler
        return response.choices[0].message.content or ""


class SummaryService(ChatService):
    """Inherits process() and record_usage() two levels down."""


class UsageCallback(BaseModel):
    # A pydantic field: the service is handed over when the callback is built.
    service: ChatService

    async def on_end(self, prompt_tokens: int, completion_tokens: int) -> None:
        self.service.record_usage(prompt_tokens, completion_tokens)  # expect: blocking-call-in-async-handler
