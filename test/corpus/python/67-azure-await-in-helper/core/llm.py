import os

from openai import AzureOpenAI


class Copywriter:
    def __init__(self) -> None:
        self.client = AzureOpenAI(
            azure_endpoint=os.environ["AZURE_OPENAI_ENDPOINT"],
            api_key=os.environ["AZURE_OPENAI_KEY"],
            api_version="2024-10-21",
        )

    async def product_copy(self, name: str, bullets: list[str]) -> str:
        resp = await self.client.chat.completions.create(  # expect: await-on-sync-call, blocking-llm-call
            model="gpt-4o",
            messages=[{"role": "user", "content": f"Write product copy for {name}: {bullets}"}],
        )
        return resp.choices[0].message.content
