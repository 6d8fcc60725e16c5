"""Settings page of a Gemini app: key check, model details, document upload."""
# corpus: labels llm-call-without-timeout
import google.generativeai as genai
from fastapi import FastAPI, UploadFile

from keys import usable_models

app = FastAPI()


@app.post("/settings/key")
async def check_key(api_key: str):
    # The loop enters the sync helper here: every page request runs on it.
    names = usable_models(api_key)  # expect: blocking-llm-call
    return {"valid": bool(names), "models": names}


@app.get("/settings/models/{name}")
async def model_details(name: str):
    info = genai.get_model(f"models/{name}")  # expect: blocking-llm-call
    return {"input": info.input_token_limit, "output": info.output_token_limit}


@app.post("/documents")
async def upload(doc: UploadFile):
    path = f"/tmp/{doc.filename}"
    with open(path, "wb") as f:  # expect: blocking-call-in-async-handler
        f.write(await doc.read())
    uploaded = genai.upload_file(path, mime_type=doc.content_type)  # expect: blocking-llm-call
    return {"uri": uploaded.uri}
