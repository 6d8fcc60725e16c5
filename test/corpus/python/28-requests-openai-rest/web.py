from fastapi import FastAPI, HTTPException

from clients import openai_rest

app = FastAPI()


@app.post("/comment")
async def comment(text: str):
    if openai_rest.moderation_flagged(text):  # expect: blocking-llm-call
        raise HTTPException(422, "flagged")
    reply = openai_rest.chat([{"role": "user", "content": f"Reply kindly to: {text}"}])  # expect: blocking-llm-call
    return {"reply": reply}
