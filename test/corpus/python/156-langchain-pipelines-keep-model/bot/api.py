"""FastAPI endpoints over the chains."""
from fastapi import FastAPI

from bot.chains import agent, summarize_chain, workflow

app = FastAPI()


@app.post("/summarize")
def summarize(text: str):
    # A def route (threadpool): no blocking finding; the timeout of the model still applies.
    return {"summary": summarize_chain.invoke({"text": text})}


@app.post("/plan")
async def plan(question: str):
    state = await workflow.ainvoke({"question": question, "plan": ""})
    return {"plan": state["plan"]}


@app.post("/agent")
async def run_agent(question: str):
    result = await agent.ainvoke({"messages": [("user", question)]})
    return {"answer": result["messages"][-1].content}
