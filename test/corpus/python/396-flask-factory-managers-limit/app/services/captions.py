from openai import OpenAI


class CaptionManager:
    def __init__(self, api_key: str):
        # 8 s per attempt, 2 attempts, plus a short backoff: the answer comes (or fails) well before 30 s.
        self.client = OpenAI(api_key=api_key, timeout=8, max_retries=1)

    def caption(self, description: str) -> str:
        out = self.client.chat.completions.create(model="gpt-4o-mini", messages=[{"role": "user", "content": f"Caption: {description}"}])
        return out.choices[0].message.content or ""
