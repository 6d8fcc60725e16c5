"""Helpers taking their client from the caller."""


async def chat(message: str, client) -> str:
    response = await client.messages.create(model="claude-sonnet-4-5", max_tokens=1024, messages=[{"role": "user", "content": message}])
    return response.content[0].text


class Summarizer:
    def __init__(self, llm):
        self.llm = llm

    async def summarize(self, text: str) -> str:
        reply = await self.llm.ainvoke(f"Summarize: {text}")
        return reply.content
