from django.conf import settings
from openai import OpenAI

client = OpenAI(api_key=settings.OPENAI_API_KEY)


def sentiment(text: str) -> str:
    resp = client.chat.completions.create(  # expect: blocking-llm-call
        model="gpt-4o-mini",
        messages=[{"role": "user", "content": f"positive, neutral or negative? {text}"}],
    )
    return resp.choices[0].message.content.strip()
