"""Half-migrated service: the client became AsyncOpenAI, some handlers stayed plain def."""
from fastapi import FastAPI
from openai import AsyncOpenAI

app = FastAPI()
client = AsyncOpenAI()


@app.post("/summarize")
def summarize(text: str):
    resp = client.chat.completions.create(model="gpt-4o-mini", messages=[{"role": "user", "content": text}])  # expect: async-client-in-sync-handler
    return {"summary": resp.choices[0].message.content}


@app.post("/log")
def log(text: str):
    client.moderations.create(input=text)  # expect: async-client-in-sync-handler
    return {"ok": True}


@app.post("/summarize/fixed")
async def summarize_fixed(text: str):
    resp = await client.chat.completions.create(model="gpt-4o-mini", messages=[{"role": "user", "content": text}])
    return {"summary": resp.choices[0].message.content}
