from anthropic import AsyncAnthropic


class ReviewService:
    def __init__(self) -> None:
        self._client = AsyncAnthropic()

    async def critique(self, essay: str):
        # Forgot the await: callers doing `await svc.critique(...)` receive a coroutine.
        return self._client.messages.create(  # expect: unawaited-llm-call
            model="claude-sonnet-4-5", max_tokens=800, messages=[{"role": "user", "content": f"Critique:\n{essay}"}]
        )

    async def grade(self, essay: str) -> str:
        msg = await self._client.messages.create(model="claude-sonnet-4-5", max_tokens=5, messages=[{"role": "user", "content": f"Grade A-F:\n{essay}"}])
        return msg.content[0].text
