from openai import OpenAI


class ReportManager:
    def __init__(self, api_key: str):
        self.client = OpenAI(api_key=api_key)  # the defaults: fine for a command run by hand

    def summarize(self, month: str) -> str:
        out = self.client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": f"Summarize the looks of {month}"}])
        return out.choices[0].message.content or ""
