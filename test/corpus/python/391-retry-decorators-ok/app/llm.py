"""LLM wrappers whose retries are sound: one layer of retries, transient errors covered, failures reach the decorator."""
# corpus: labels llm-http-without-retry
import os

import httpx
from openai import AsyncOpenAI
from tenacity import retry, retry_if_exception_type, retry_if_result, stop_after_attempt, wait_exponential

single = AsyncOpenAI(timeout=30, max_retries=2)
HEADERS = {"Authorization": f"Bearer {os.environ.get('OPENAI_API_KEY', '')}"}


@retry(stop=stop_after_attempt(4), wait=wait_exponential(min=1, max=20), retry=retry_if_exception_type((httpx.HTTPStatusError, httpx.TimeoutException)))
async def complete_raw(prompt: str) -> dict:
    # The request's errors propagate (re-raised after logging): the decorator retries 429/5xx and timeouts.
    async with httpx.AsyncClient(timeout=30) as http:
        try:
            r = await http.post("https://api.openai.com/v1/chat/completions", headers=HEADERS, json={"model": "gpt-4o-mini", "messages": [{"role": "user", "content": prompt}]})
            r.raise_for_status()
            return r.json()
        except Exception as exc:
            print("request failed, retrying:", exc)
            raise


@retry(stop=stop_after_attempt(3), retry=retry_if_result(lambda out: out is None))
async def embed_raw(text: str) -> dict | None:
    # Errors are turned into None, and the decorator retries on a None result.
    async with httpx.AsyncClient(timeout=30) as http:
        try:
            r = await http.post("https://api.openai.com/v1/embeddings", headers=HEADERS, json={"model": "text-embedding-3-small", "input": text})
            r.raise_for_status()
            return r.json()
        except Exception:
            return None


async def answer(prompt: str) -> str:
    # No decorator: the SDK's own two retries are the only layer.
    reply = await single.chat.completions.create(model="gpt-4o-mini", messages=[{"role": "user", "content": prompt}])
    return reply.choices[0].message.content or ""
