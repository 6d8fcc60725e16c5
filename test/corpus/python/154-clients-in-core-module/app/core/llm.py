"""Every LLM client of the service, built once: a module singleton, a cached getter and a factory."""
# corpus: labels llm-call-without-timeout
from functools import lru_cache

from anthropic import AsyncAnthropic
from langchain_openai import ChatOpenAI
from openai import AsyncOpenAI

# 10 min per attempt, 3 attempts: reported here once, with the calls in the routes as related information.
openai_client = AsyncOpenAI()  # expect: llm-call-without-timeout


@lru_cache
def get_claude() -> AsyncAnthropic:
    return AsyncAnthropic(max_retries=4)  # expect: llm-call-without-timeout


def make_chat_model(temperature: float = 0.0) -> ChatOpenAI:
    # LangChain passes timeout=None to openai: no limit at all.
    return ChatOpenAI(model="gpt-4o-mini", temperature=temperature)  # expect: llm-call-without-timeout


# Bounded: the calls through it need nothing more.
fast_client = AsyncOpenAI(timeout=20.0, max_retries=1)
