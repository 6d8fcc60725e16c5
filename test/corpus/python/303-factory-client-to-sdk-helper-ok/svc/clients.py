"""Client factories with bounded timeouts, used as FastAPI dependencies."""
# corpus: labels llm-call-without-timeout
from anthropic import Anthropic
from openai import OpenAI


def build_openai(region: str = "us"):
    client = OpenAI(timeout=20.0, max_retries=1)
    return client


def build_claude():
    # Built without a timeout, but every call through it sets one (see svc/answers.py).
    return Anthropic()
