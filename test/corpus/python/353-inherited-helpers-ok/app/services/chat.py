"""Chat services that inherit only harmless helpers, or an async override, or offload the sync one."""
import asyncio

from openai import AsyncOpenAI

from app.services.usage import AsyncUsageRecorder, UsageRecorder


class ChatService(AsyncUsageRecorder):
    def __init__(self):
        super().__init__()
        self.client = AsyncOpenAI(timeout=30)

    async def process(self, question: str) -> str:
        response = await self.client.chat.completions.create(model="gpt-4o-mini", messages=[{"role": "user", "content": question}])
        await self.record_usage(response.usage.prompt_tokens, response.usage.completion_tokens)
        self.describe(response.usage.prompt_tokens)
        return response.choices[0].message.content or ""


class ReportService(UsageRecorder):
    async def report(self, prompt_tokens: int, completion_tokens: int) -> str:
        # The inherited sync post runs in a worker thread.
        await asyncio.to_thread(self.record_usage, prompt_tokens, completion_tokens)
        return self.describe(prompt_tokens)
