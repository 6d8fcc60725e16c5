"""Builds the LLM clients at startup, from the app's settings."""
from openai import AsyncOpenAI, OpenAI


async def init_app(app):
    return AsyncOpenAI(api_key=app.state.settings["OPENAI_API_KEY"])  # 600 s per attempt, 3 attempts


async def init_sync_app(app):
    return OpenAI(api_key=app.state.settings["OPENAI_API_KEY"], max_retries=0)  # one attempt of 600 s
