"""Plain helpers: they get their client from the caller (no SDK import here)."""


def chat(message: str, client) -> str:
    response = client.messages.create(  # expect: blocking-llm-call
        model="claude-sonnet-4-5",
        max_tokens=1024,
        messages=[{"role": "user", "content": message}],
    )
    return response.content[0].text


class Summarizer:
    def __init__(self, llm):
        self.llm = llm

    def summarize(self, text: str) -> str:
        return self.llm.invoke(f"Summarize: {text}").content
