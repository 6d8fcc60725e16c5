from anthropic import Anthropic


class Tutor:
    def __init__(self) -> None:
        self.client = Anthropic(timeout=60)

    def hint(self, problem: str) -> str:
        msg = self.client.messages.create(model="claude-3-5-haiku-latest", max_tokens=200, messages=[{"role": "user", "content": f"Give a hint, not the answer: {problem}"}])
        return msg.content[0].text

    def solve(self, problem: str) -> str:
        msg = self.client.messages.create(model="claude-sonnet-4-5", max_tokens=800, messages=[{"role": "user", "content": problem}])
        return msg.content[0].text
