"""Client factories, used as FastAPI dependencies."""
# corpus: labels llm-call-without-timeout
from anthropic import Anthropic
from openai import OpenAI


def build_openai(region: str = "us"):
    if region not in ("us", "eu"):
        raise ValueError(f"unknown region {region}")
    client = OpenAI()  # expect: llm-call-without-timeout
    return client


def build_claude():
    claude = Anthropic(timeout=25.0)
    return claude
