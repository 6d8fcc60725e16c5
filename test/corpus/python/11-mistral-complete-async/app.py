"""French legal summarizer on Mistral (SDK v1)."""
import os

from fastapi import FastAPI
from mistralai import Mistral

app = FastAPI()
mistral = Mistral(api_key=os.environ["MISTRAL_API_KEY"], timeout_ms=60_000)


@app.post("/resume")
async def resume(texte: str):
    res = mistral.chat.complete(model="mistral-large-latest", messages=[{"role": "user", "content": f"Résume : {texte}"}])  # expect: blocking-llm-call
    return {"resume": res.choices[0].message.content}


@app.post("/resume/async")
async def resume_async(texte: str):
    res = await mistral.chat.complete_async(model="mistral-large-latest", messages=[{"role": "user", "content": texte}])
    return {"resume": res.choices[0].message.content}


@app.post("/tags")
async def tags(texte: str):
    pending = mistral.chat.complete_async(model="mistral-small-latest", messages=[{"role": "user", "content": f"Mots-clés : {texte}"}])  # expect: unawaited-llm-call
    return {"status": "queued", "len": len(texte)}


@app.post("/vecteurs")
async def vecteurs(texte: str):
    emb = mistral.embeddings.create(model="mistral-embed", inputs=[texte])  # expect: blocking-llm-call
    return {"dim": len(emb.data[0].embedding)}
