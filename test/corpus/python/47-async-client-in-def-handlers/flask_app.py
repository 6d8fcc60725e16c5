from anthropic import AsyncAnthropic
from flask import Flask, jsonify, request

app = Flask(__name__)
claude = AsyncAnthropic()


@app.route("/title", methods=["POST"])
def title():
    msg = claude.messages.create(model="claude-3-5-haiku-latest", max_tokens=20, messages=[{"role": "user", "content": request.json["text"]}])  # expect: async-client-in-sync-handler
    return jsonify(title=msg.content[0].text)
