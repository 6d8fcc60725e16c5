"""Look-alike of 154: the same placements (singleton, cached getter, factory, app.state), every client bounded."""
# corpus: labels llm-call-without-timeout
from functools import lru_cache

import httpx
from anthropic import AsyncAnthropic
from groq import AsyncGroq
from langchain_openai import ChatOpenAI
from openai import AsyncOpenAI

openai_client = AsyncOpenAI(timeout=httpx.Timeout(20.0, connect=5.0))


@lru_cache
def get_claude() -> AsyncAnthropic:
    return AsyncAnthropic(timeout=30.0, max_retries=1)


def make_chat_model() -> ChatOpenAI:
    return ChatOpenAI(model="gpt-4o-mini", timeout=25, max_retries=1)


# No timeout here, but every call through it passes its own.
per_call_client = AsyncOpenAI()
# One 60 s attempt.
groq_once = AsyncGroq(max_retries=0)
# Built but never called: nothing waits on it.
spare = AsyncOpenAI()
