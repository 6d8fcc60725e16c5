from groq import Groq


class ChatManager:
    def __init__(self, api_key: str):
        self.client = Groq(api_key=api_key, timeout=20)  # 20 s x 3 attempts + backoff: about 61.5 s

    def reply(self, messages: list[dict]) -> str:
        out = self.client.chat.completions.create(model="llama-3.1-8b-instant", messages=messages)
        return out.choices[0].message.content or ""
