"""Quart app on google-genai; one route fires a request that never happens."""
from google import genai
from quart import Quart, jsonify, request

app = Quart(__name__)
client = genai.Client()


@app.post("/caption")
async def caption():
    data = await request.get_json()
    resp = await client.aio.models.generate_content(model="gemini-2.5-flash", contents=f"Caption: {data['scene']}")
    return jsonify(caption=resp.text)


@app.post("/prefetch")
async def prefetch():
    data = await request.get_json()
    client.aio.models.generate_content(model="gemini-2.5-flash", contents=data["scene"])  # expect: unawaited-llm-call
    return jsonify(queued=True)


@app.post("/caption/sync-client")
async def caption_sync_client():
    data = await request.get_json()
    chat = client.chats.create(model="gemini-2.5-flash")
    resp = chat.send_message(f"Caption: {data['scene']}")  # expect: blocking-llm-call
    return jsonify(caption=resp.text)
