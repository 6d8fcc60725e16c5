"""FastAPI app: models handed along with bounded timeouts, a local embedder, an unused client."""
# corpus: labels llm-call-without-timeout
import logging

from fastapi import FastAPI
from langchain_community.vectorstores import FAISS
from langchain_huggingface import HuggingFaceEmbeddings
from langchain_openai import ChatOpenAI
from openai import OpenAI

from planner.context import NodeContext
from planner.nodes import propose, summarize

app = FastAPI()
log = logging.getLogger(__name__)

model = ChatOpenAI(model="gpt-4o-mini", temperature=0.2, timeout=30, max_retries=2)
# sentence-transformers on this machine: no request goes out.
embedder = HuggingFaceEmbeddings(model_name="sentence-transformers/all-MiniLM-L6-v2")
store = FAISS.from_texts(["Standup is at 9:30.", "Reviews are on Fridays."], embedder)
# Handed to a workspace helper whose calls set a timeout each.
client = OpenAI()
# Built but never used for a request: only logged.
spare = OpenAI()
log.info("spare client ready: %s", spare)


@app.post("/plan")
async def plan(request: str):
    ctx = NodeContext(model=model, timezone="Europe/Paris")
    state = await propose({"request": request}, ctx)
    return {"proposal": state["proposal"]}


@app.get("/policy")
async def policy(q: str):
    docs = await store.asimilarity_search(q, k=2)
    return {"matches": [d.page_content for d in docs]}


@app.post("/summary")
def summary(text: str):
    return {"summary": summarize(client, text)}
