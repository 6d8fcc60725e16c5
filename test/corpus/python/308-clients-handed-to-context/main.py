"""FastAPI app: the model is built here and handed to the graph's context and to the vector store."""
# corpus: labels llm-call-without-timeout
from fastapi import FastAPI
from langchain_community.vectorstores import FAISS
from langchain_openai import ChatOpenAI, OpenAIEmbeddings

from planner.context import NodeContext
from planner.nodes import propose

app = FastAPI()

# LangChain passes timeout=None to openai: the nodes' requests through it have no limit.
model = ChatOpenAI(model="gpt-4o-mini", temperature=0.2)  # expect: llm-call-without-timeout
# The vector store embeds every query over HTTP with it, with no limit either.
embedder = OpenAIEmbeddings(model="text-embedding-3-small")  # expect: llm-call-without-timeout
store = FAISS.from_texts(["Standup is at 9:30.", "Reviews are on Fridays."], embedder)


@app.post("/plan")
async def plan(request: str):
    ctx = NodeContext(model=model, timezone="Europe/Paris")
    state = await propose({"request": request}, ctx)
    return {"proposal": state["proposal"]}


@app.get("/policy")
async def policy(q: str):
    docs = await store.asimilarity_search(q, k=2)
    return {"matches": [d.page_content for d in docs]}
