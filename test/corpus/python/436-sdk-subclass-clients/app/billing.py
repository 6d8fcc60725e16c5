"""A subclass (in another module) of a workspace subclass of ChatLiteLLM, counting its calls."""
from app.embedder import TracedChat


class MeteredChat(TracedChat):
    calls: int = 0

    def ask(self, prompt: str) -> str:
        self.calls += 1
        return self.invoke(prompt).content  # expect: blocking-llm-call
