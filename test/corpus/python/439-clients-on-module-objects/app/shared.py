"""Process-wide resources, filled in by the API's startup hook."""
# corpus: labels llm-call-without-timeout
from types import SimpleNamespace

from openai import OpenAI

resources = SimpleNamespace()


def open_resources() -> None:
    resources.client = OpenAI()  # expect: llm-call-without-timeout
