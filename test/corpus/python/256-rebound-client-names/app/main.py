"""Story writer: one name rebound to several clients; each constructor is the one some call goes through."""
# corpus: labels llm-call-without-timeout
import os

from flask import Flask, jsonify, request
from google import genai
from langchain_openai import ChatOpenAI

app = Flask(__name__)


@app.post("/story")
def story():
    chat = request.json["chat"]
    # The first call goes through this client: no http_options, no deadline.
    client = genai.Client(api_key=os.environ["GEMINI_API_KEY"])  # expect: llm-call-without-timeout
    body = client.models.generate_content(model="gemini-2.0-flash", contents=["Write the story.", chat]).text
    client = genai.Client(api_key=os.environ["GEMINI_API_KEY"], http_options={"timeout": 30_000})
    title = client.models.generate_content(model="gemini-2.0-flash", contents=["A title for:", body]).text
    return jsonify(body=body, title=title)


@app.post("/summary")
def summary():
    # Bounded by default; the draft mode swaps in a model with no timeout.
    llm = ChatOpenAI(model="gpt-4o-mini", timeout=30)
    if request.args.get("draft"):
        llm = ChatOpenAI(model="gpt-4o")  # expect: llm-call-without-timeout
    return jsonify(summary=llm.invoke(request.json["text"]).content)


@app.post("/tags")
def tags():
    llm = ChatOpenAI(model="gpt-4o-mini")  # expect: llm-call-without-timeout
    if request.args.get("strict"):
        llm = ChatOpenAI(model="gpt-4o-mini", timeout=15, temperature=0)
    return jsonify(tags=llm.invoke(f"Three tags for: {request.json['text']}").content)
