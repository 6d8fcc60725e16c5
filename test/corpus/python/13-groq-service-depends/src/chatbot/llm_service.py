from groq import Groq


class ChatService:
    """Conversation helper; one per process."""

    def __init__(self, api_key: str, model: str = "llama-3.1-8b-instant") -> None:
        self._client = Groq(api_key=api_key, timeout=15)
        self.model = model

    def reply(self, history: list[dict], user_msg: str) -> str:
        messages = history + [{"role": "user", "content": user_msg}]
        completion = self._client.chat.completions.create(model=self.model, messages=messages)  # expect: blocking-llm-call
        return completion.choices[0].message.content

    def title(self, first_msg: str) -> str:
        completion = self._client.chat.completions.create(  # expect: blocking-llm-call
            model=self.model, messages=[{"role": "user", "content": f"3-word title: {first_msg}"}], max_tokens=10
        )
        return completion.choices[0].message.content.strip('" ')
