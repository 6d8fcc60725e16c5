from groq import Groq


class ChatManager:
    def __init__(self, api_key: str):
        self.client = Groq(api_key=api_key)  # 60 s per attempt, 3 attempts

    def reply(self, messages: list[dict], max_tokens: int = 512) -> str:
        out = self.client.chat.completions.create(model="llama-3.1-8b-instant", messages=messages, max_tokens=max_tokens)  # expect: timeout-exceeds-server-limit
        return out.choices[0].message.content or ""
