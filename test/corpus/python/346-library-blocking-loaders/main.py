"""A FastAPI document assistant: pandas readers, model loading, LangChain loaders and file copies in async routes."""
import shutil

import pandas as pd
from elevenlabs.client import ElevenLabs
from fastapi import FastAPI, UploadFile
from langchain_community.document_loaders import PyPDFLoader, WebBaseLoader
from langchain_community.document_loaders.pdf import PDFMinerLoader
from PIL import Image
from sentence_transformers import SentenceTransformer
from transformers import AutoModelForCausalLM, AutoTokenizer

app = FastAPI()
voice = ElevenLabs(api_key="k")


async def table_of(upload: UploadFile) -> pd.DataFrame:
    if upload.filename.endswith(".xlsx"):
        return pd.read_excel(upload.file)  # expect: blocking-call-in-async-handler
    return pd.read_csv(upload.file)  # expect: blocking-call-in-async-handler


@app.post("/stats")
async def stats(upload: UploadFile):
    frame = await table_of(upload)  # expect: blocking-call-in-async-handler
    return {"rows": len(frame)}


def rank(query: str, products: list[str]) -> list[str]:
    catalog = pd.read_pickle("products.pkl")  # expect: blocking-call-in-async-handler
    embedder = SentenceTransformer("all-MiniLM-L6-v2")  # expect: blocking-call-in-async-handler
    scores = embedder.encode([query] + products)
    return [p for p, _ in sorted(zip(products, scores[1:]), key=lambda x: -x[1].sum())][: len(catalog)]


@app.get("/rank")
async def ranked(q: str):
    return {"items": rank(q, ["a", "b"])}  # expect: blocking-call-in-async-handler


@app.post("/generate")
async def generate(prompt: str):
    tokenizer = AutoTokenizer.from_pretrained("gpt2")  # expect: blocking-call-in-async-handler
    model = AutoModelForCausalLM.from_pretrained("gpt2")  # expect: blocking-call-in-async-handler
    ids = tokenizer(prompt, return_tensors="pt")
    out = model.generate(**ids, max_new_tokens=50)
    return {"text": tokenizer.decode(out[0])}


@app.get("/summarize")
async def summarize(url: str):
    docs = WebBaseLoader(url).load()  # expect: blocking-call-in-async-handler
    return {"chars": sum(len(d.page_content) for d in docs)}


@app.post("/pdf")
async def pdf(path: str):
    loader = PyPDFLoader(path)
    pages = loader.load()  # expect: blocking-call-in-async-handler
    more = PDFMinerLoader(path).load()  # expect: blocking-call-in-async-handler
    return {"pages": len(pages) + len(more)}


@app.post("/upload")
async def upload(file: UploadFile):
    with open(f"/data/{file.filename}", "wb") as out:  # expect: blocking-call-in-async-handler
        shutil.copyfileobj(file.file, out)  # expect: blocking-call-in-async-handler
    thumb = Image.open(f"/data/{file.filename}")  # expect: blocking-call-in-async-handler
    thumb.save(f"/data/thumb-{file.filename}")  # expect: blocking-call-in-async-handler
    return {"ok": True}


@app.post("/speak")
async def speak(text: str):
    audio = voice.text_to_speech.convert(voice_id="v", text=text)  # expect: blocking-call-in-async-handler
    return {"bytes": len(b"".join(audio))}
