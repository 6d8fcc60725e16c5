import anthropic

from bot.settings import ANTHROPIC_KEY

_claude = anthropic.Anthropic(api_key=ANTHROPIC_KEY)


class Moderator:
    system = "Classify chat messages as ok, spam or abuse. Reply with one word."

    def classify(self, text: str) -> str:
        msg = _claude.messages.create(  # expect: blocking-llm-call
            model="claude-3-5-haiku-latest", max_tokens=5, system=self.system, messages=[{"role": "user", "content": text}]
        )
        return msg.content[0].text.strip().lower()


moderator = Moderator()
