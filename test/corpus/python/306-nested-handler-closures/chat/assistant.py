"""The assistant: used by the web app and by a terminal loop."""
from chat.drafting import draft_reply


class Assistant:
    async def reply(self, message: str) -> str:
        text = draft_reply(message)  # expect: blocking-llm-call
        return text.strip()

    async def repl(self) -> None:
        while True:
            line = input("> ")
            print(await self.reply(line))
