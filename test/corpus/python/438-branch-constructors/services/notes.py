"""Meeting-notes services whose client depends on configuration: one constructor per branch."""
# corpus: labels llm-call-without-timeout
import os

from anthropic import Anthropic
from openai import OpenAI

GATEWAY = os.getenv("LLM_GATEWAY_URL")

if GATEWAY:
    shared = Anthropic(base_url=GATEWAY)  # expect: llm-call-without-timeout
else:
    shared = Anthropic()  # expect: llm-call-without-timeout


class NotesService:
    def __init__(self, api_key: str, base_url: str | None = None) -> None:
        if base_url:
            self.client = OpenAI(api_key=api_key, base_url=base_url)  # expect: llm-call-without-timeout
        elif os.getenv("OPENAI_ORG"):
            self.client = OpenAI(api_key=api_key, organization=os.environ["OPENAI_ORG"], timeout=45.0)
        else:
            self.client = OpenAI(api_key=api_key)  # expect: llm-call-without-timeout

    def summarize(self, transcript: str) -> str:
        response = self.client.chat.completions.create(
            model="gpt-4o-mini",
            messages=[{"role": "user", "content": f"Summarize:\n{transcript}"}],
        )
        return response.choices[0].message.content or ""


def headline(transcript: str, fast: bool) -> str:
    if fast:
        client = OpenAI(base_url="http://localhost:11434/v1", api_key="local")  # expect: llm-call-without-timeout
    else:
        client = OpenAI()  # expect: llm-call-without-timeout
    reply = client.chat.completions.create(model="gpt-4o-mini", messages=[{"role": "user", "content": transcript}])
    return reply.choices[0].message.content or ""


def action_items(transcript: str) -> str:
    message = shared.messages.create(model="claude-3-5-haiku-latest", max_tokens=400, messages=[{"role": "user", "content": transcript}])
    return message.content[0].text
