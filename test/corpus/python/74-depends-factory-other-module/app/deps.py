"""Clients for the routes, built once per process."""
from functools import lru_cache

from openai import AsyncOpenAI, OpenAI


@lru_cache
def get_client() -> OpenAI:
    return OpenAI(timeout=30)


@lru_cache
def get_async_client() -> AsyncOpenAI:
    return AsyncOpenAI(timeout=30)
