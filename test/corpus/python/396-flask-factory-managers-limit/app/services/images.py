from openai import OpenAI


class ImageManager:
    def __init__(self, api_key: str):
        self.client = OpenAI(api_key=api_key)

    def render(self, prompt: str) -> str:
        result = self.client.images.generate(model="dall-e-3", prompt=prompt, n=1, size="1024x1024")  # expect: timeout-exceeds-server-limit
        return result.data[0].url
