from openai import OpenAI


class ImageManager:
    def __init__(self, api_key: str):
        self.client = OpenAI(api_key=api_key, timeout=30, max_retries=2)  # 30 s x 3 attempts + backoff: 91.5 s

    def render(self, prompt: str) -> str:
        result = self.client.images.generate(model="dall-e-3", prompt=prompt, n=1, size="1024x1024")
        return result.data[0].url
