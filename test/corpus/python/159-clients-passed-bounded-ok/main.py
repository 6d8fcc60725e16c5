"""FastAPI app handing bounded async clients to its helpers."""
# corpus: labels llm-call-without-timeout
import anthropic
from fastapi import Depends, FastAPI

from svc import handlers
from svc.llm import new_client, summarizer_model

app = FastAPI()
summarizer = handlers.Summarizer(summarizer_model)


@app.post("/chat")
async def chat(message: str, client: anthropic.AsyncAnthropic = Depends(new_client)):
    return {"reply": await handlers.chat(message, client)}


@app.post("/summary")
async def summary(text: str):
    return {"summary": await summarizer.summarize(text)}
