"""Uses the openai module-level client (a lazily built sync OpenAI)."""
import openai

openai.max_retries = 4


def headline(article: str) -> str:
    r = openai.chat.completions.create(model="gpt-4o-mini", messages=[{"role": "user", "content": f"Headline for:\n{article}"}])  # expect: blocking-llm-call
    return r.choices[0].message.content


def image_for(headline_text: str) -> str:
    img = openai.images.generate(model="dall-e-3", prompt=headline_text, size="1024x1024")  # expect: blocking-llm-call
    return img.data[0].url
