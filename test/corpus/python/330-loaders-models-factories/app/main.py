"""Summarizer API: document loaders, model loading and a usage log, all on the loop."""
from fastapi import FastAPI
from langchain_community.document_loaders import WebBaseLoader
from transformers import AutoModelForCausalLM, AutoTokenizer

from app.db import log_usage
from app.ranking import rank

app = FastAPI()


@app.get("/summarize")
async def summarize(url: str):
    docs = WebBaseLoader(url).load()  # expect: blocking-call-in-async-handler
    tokenizer = AutoTokenizer.from_pretrained("distilgpt2")  # expect: blocking-call-in-async-handler
    model = AutoModelForCausalLM.from_pretrained("distilgpt2")  # expect: blocking-call-in-async-handler
    ids = tokenizer(docs[0].page_content[:2000], return_tensors="pt").input_ids
    out = model.generate(ids, max_new_tokens=60)
    log_usage(int(out.shape[-1]))  # expect: blocking-call-in-async-handler
    return {"summary": tokenizer.decode(out[0])}


@app.get("/rank")
async def ranked(q: str):
    return {"products": rank(q)}  # expect: blocking-call-in-async-handler
