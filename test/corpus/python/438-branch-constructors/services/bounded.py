"""The same branches, every constructor bounded: nothing to report."""
# corpus: labels llm-call-without-timeout
from openai import OpenAI


class BoundedNotes:
    def __init__(self, api_key: str, base_url: str | None = None) -> None:
        if base_url:
            self.client = OpenAI(api_key=api_key, base_url=base_url, timeout=30.0)
        else:
            self.client = OpenAI(api_key=api_key, timeout=30.0)

    def summarize(self, transcript: str) -> str:
        response = self.client.chat.completions.create(model="gpt-4o-mini", messages=[{"role": "user", "content": transcript}])
        return response.choices[0].message.content or ""
