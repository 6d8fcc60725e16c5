"""Builds the LLM clients at startup; the ones requests use answer (or fail) within nginx's 60 s."""
from openai import AsyncOpenAI, OpenAI


async def init_app(app):
    return AsyncOpenAI(api_key=app.state.settings["OPENAI_API_KEY"], timeout=20, max_retries=1)  # 20 s x 2 + backoff


async def init_sync_app(app):
    return OpenAI(api_key=app.state.settings["OPENAI_API_KEY"], timeout=25, max_retries=1)  # 25 s x 2 + backoff


async def init_batch_app(app):
    return AsyncOpenAI(api_key=app.state.settings["OPENAI_API_KEY"])  # defaults: only the startup warm-up uses it
