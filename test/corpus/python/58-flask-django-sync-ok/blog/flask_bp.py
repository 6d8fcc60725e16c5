"""Flask blueprint: sync views on WSGI workers, sync clients are the right choice here."""
import ollama
from flask import Blueprint, jsonify, request
from google import genai

bp = Blueprint("blog", __name__)
gemini = genai.Client()


@bp.post("/outline")
def outline():
    topic = request.get_json()["topic"]
    resp = gemini.models.generate_content(model="gemini-2.5-flash", contents=f"Blog outline on {topic}")
    return jsonify(outline=resp.text)


@bp.post("/spellcheck")
def spellcheck():
    text = request.get_json()["text"]
    r = ollama.generate(model="llama3.2", prompt=f"Fix spelling only:\n{text}")
    return jsonify(text=r["response"])
