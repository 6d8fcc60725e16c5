"""The same rebinding shapes, every constructor bounded, and a name reused for a client of another kind."""
# corpus: labels llm-call-without-timeout
import os

import httpx
from flask import Flask, jsonify, request
from google import genai
from langchain_openai import ChatOpenAI

app = Flask(__name__)


@app.post("/story")
def story():
    client = genai.Client(api_key=os.environ["GEMINI_API_KEY"], http_options={"timeout": 60_000})
    body = client.models.generate_content(model="gemini-2.0-flash", contents=["Write the story.", request.json["chat"]]).text
    client = genai.Client(api_key=os.environ["GEMINI_API_KEY"], http_options={"timeout": 20_000})
    title = client.models.generate_content(model="gemini-2.0-flash", contents=["A title for:", body]).text
    return jsonify(body=body, title=title)


@app.post("/summary")
def summary():
    llm = ChatOpenAI(model="gpt-4o-mini", timeout=30)
    if request.args.get("draft"):
        llm = ChatOpenAI(model="gpt-4o", timeout=60, max_retries=1)
    return jsonify(summary=llm.invoke(request.json["text"]).content)


@app.post("/fetch")
def fetch():
    # `client` names an httpx client here (5 s default), not a model client.
    client = httpx.Client(timeout=10)
    page = client.get(request.json["url"]).text
    client = httpx.Client(timeout=5)
    return jsonify(size=len(page), status=client.get(request.json["url"]).status_code)
