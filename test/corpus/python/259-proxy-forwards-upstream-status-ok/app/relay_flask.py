"""The same relay in Flask: the tuple's status is the upstream's."""
import requests
from flask import Flask, request

relay = Flask(__name__)


@relay.post("/v1/embeddings")
def embeddings():
    r = requests.post("https://api.openai.com/v1/embeddings", headers={"Authorization": request.headers["Authorization"]}, json=request.get_json(), timeout=30)
    return r.content, r.status_code, {"Content-Type": "application/json", "Retry-After": r.headers.get("retry-after", "1")}
