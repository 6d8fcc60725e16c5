"""Usage metering: the base posts synchronously; the async services override it or only format."""
import httpx
import requests


class UsageRecorder:
    billing_url = "https://billing.internal.example/usage"

    def record_usage(self, prompt_tokens: int, completion_tokens: int) -> None:
        requests.post(self.billing_url, json={"in": prompt_tokens, "out": completion_tokens}, timeout=5)

    def describe(self, prompt_tokens: int) -> str:
        return f"{type(self).__name__}: {prompt_tokens} tokens"


class AsyncUsageRecorder(UsageRecorder):
    """Overrides the sync recorder with an async post."""

    def __init__(self):
        self.http = httpx.AsyncClient(timeout=5)

    async def record_usage(self, prompt_tokens: int, completion_tokens: int) -> None:
        await self.http.post(self.billing_url, json={"in": prompt_tokens, "out": completion_tokens})
