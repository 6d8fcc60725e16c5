"""Alt-text generator for product images on Gemini (google-genai SDK)."""
import os

from fastapi import FastAPI
from google import genai
from google.genai import types

app = FastAPI()
client = genai.Client(api_key=os.environ["GEMINI_API_KEY"], http_options=types.HttpOptions(timeout=30_000))
MODEL = "gemini-2.5-flash"


@app.get("/alt-text")
async def alt_text(image_url: str):
    resp = client.models.generate_content(  # expect: blocking-llm-call
        model=MODEL,
        contents=[f"Describe this product photo in one sentence for a screen reader: {image_url}"],
    )
    return {"alt": resp.text}


@app.get("/alt-text/v2")
async def alt_text_v2(image_url: str):
    resp = await client.aio.models.generate_content(model=MODEL, contents=[f"Alt text for {image_url}"])
    return {"alt": resp.text}


@app.get("/keywords")
async def keywords(title: str):
    resp = client.aio.models.generate_content(model=MODEL, contents=f"SEO keywords for: {title}")  # expect: unawaited-llm-call
    return {"keywords": resp.text.split(",")}


@app.get("/tokens")
async def tokens(title: str):
    n = client.models.count_tokens(model=MODEL, contents=title)  # expect: blocking-llm-call
    return {"tokens": n.total_tokens}
