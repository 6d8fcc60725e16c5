"""Meeting-notes summarizer. Wraps the OpenAI client so routes never touch it directly."""
from openai import OpenAI

from app.config import get_settings


class Summarizer:
    def __init__(self) -> None:
        settings = get_settings()
        self._client = OpenAI(api_key=settings.openai_api_key, max_retries=3)
        self._model = settings.summary_model
        self._limit = settings.max_summary_words

    def _prompt(self, transcript: str) -> list[dict]:
        return [
            {"role": "system", "content": f"Summarize meetings in at most {self._limit} words."},
            {"role": "user", "content": transcript},
        ]

    def summarize(self, transcript: str) -> str:
        resp = self._client.chat.completions.create(model=self._model, messages=self._prompt(transcript))  # expect: blocking-llm-call
        return resp.choices[0].message.content or ""

    def action_items(self, transcript: str) -> list[str]:
        resp = self._client.chat.completions.create(  # expect: blocking-llm-call
            model=self._model,
            messages=self._prompt(transcript) + [{"role": "user", "content": "Now list action items, one per line."}],
        )
        text = resp.choices[0].message.content or ""
        return [line.lstrip("- ").strip() for line in text.splitlines() if line.strip()]
