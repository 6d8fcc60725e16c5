"""RAG service using only async entry points (and LangChain's default ainvoke, which offloads to a thread)."""
from fastapi import FastAPI
from fastapi.responses import StreamingResponse
from langchain_core.prompts import ChatPromptTemplate
from langchain_core.runnables import RunnableLambda
from langchain_openai import ChatOpenAI
from llama_index.core import VectorStoreIndex
from llama_index.llms.openai import OpenAI as LlamaOpenAI

from store import load_index

app = FastAPI()
chat = ChatOpenAI(model="gpt-4o-mini", timeout=30)
prompt = ChatPromptTemplate.from_template("Answer briefly: {q}")
chain = prompt | chat
normalize = RunnableLambda(lambda s: s.strip().lower())
llama = LlamaOpenAI(model="gpt-4o-mini")
INDEX: VectorStoreIndex = load_index()


@app.get("/lc")
async def lc(q: str):
    msg = await chain.ainvoke({"q": await normalize.ainvoke(q)})
    return {"answer": msg.content}


@app.get("/lc/batch")
async def lc_batch(qs: list[str]):
    msgs = await chain.abatch([{"q": q} for q in qs])
    return [m.content for m in msgs]


@app.get("/lc/stream")
async def lc_stream(q: str):
    async def gen():
        async for chunk in chain.astream({"q": q}):
            yield chunk.content

    return StreamingResponse(gen())


@app.get("/li")
async def li(q: str):
    engine = INDEX.as_query_engine(llm=llama)
    return {"answer": str(await engine.aquery(q))}


@app.get("/li/complete")
async def li_complete(q: str):
    return {"text": (await llama.acomplete(q)).text}
