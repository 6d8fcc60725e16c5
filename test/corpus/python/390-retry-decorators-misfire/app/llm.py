"""LLM wrappers whose retry decorators misfire: they multiply the SDK's own retries, never fire, or retry the wrong errors."""
# corpus: labels llm-http-without-retry
import os
import socket

import backoff
import httpx
from anthropic import AsyncAnthropic
from openai import AsyncOpenAI
from tenacity import retry, retry_if_exception_type, stop_after_attempt, wait_exponential

claude = AsyncAnthropic(timeout=30)
gpt = AsyncOpenAI(timeout=30)
ANTHROPIC_KEY = os.environ.get("ANTHROPIC_API_KEY", "")


@retry(wait=wait_exponential(min=1, max=20), stop=stop_after_attempt(4))  # expect: llm-http-without-retry
async def summarize(text: str) -> str:
    # AsyncAnthropic retries twice by itself: 4 decorator attempts x 3 requests each.
    reply = await claude.messages.create(model="claude-3-5-haiku-latest", max_tokens=300, messages=[{"role": "user", "content": text}])
    return reply.content[0].text


@retry(wait=wait_exponential(min=2, max=60))  # expect: llm-http-without-retry
async def embed(text: str) -> list[float]:
    # No stop: a revoked key or a lasting outage is retried forever, each time with the SDK's own 3 attempts.
    try:
        out = await gpt.embeddings.create(model="text-embedding-3-small", input=[text])
        return out.data[0].embedding
    except Exception as exc:
        print("embedding failed:", exc)
        raise


@backoff.on_exception(backoff.expo, Exception)  # expect: llm-http-without-retry
async def classify(text: str) -> str:
    reply = await gpt.chat.completions.create(model="gpt-4o-mini", messages=[{"role": "user", "content": f"Label: {text}"}])
    return reply.choices[0].message.content or ""


@retry(stop=stop_after_attempt(3))
async def ask_claude_raw(prompt: str) -> dict | None:
    # Every failure is caught and turned into None inside: the decorator never sees one, nothing is retried.
    async with httpx.AsyncClient(timeout=30) as http:
        try:
            r = await http.post(  # expect: llm-http-without-retry
                "https://api.anthropic.com/v1/messages",
                headers={"x-api-key": ANTHROPIC_KEY, "anthropic-version": "2023-06-01"},
                json={"model": "claude-3-5-haiku-latest", "max_tokens": 300, "messages": [{"role": "user", "content": prompt}]},
            )
            r.raise_for_status()
            return r.json()
        except httpx.HTTPStatusError as exc:
            print("status", exc.response.status_code)
            return None
        except Exception as exc:
            print("failed", exc)
            return None


@retry(stop=stop_after_attempt(3), retry=retry_if_exception_type(socket.gaierror))
async def ask_gpt_raw(prompt: str) -> dict:
    # Retries DNS failures only: a 429, a 5xx or a read timeout fails at once.
    async with httpx.AsyncClient(timeout=30) as http:
        r = await http.post(  # expect: llm-http-without-retry
            "https://api.openai.com/v1/chat/completions",
            headers={"Authorization": f"Bearer {os.environ.get('OPENAI_API_KEY', '')}"},
            json={"model": "gpt-4o-mini", "messages": [{"role": "user", "content": prompt}]},
        )
        r.raise_for_status()
        return r.json()
