"""A Quart dashboard bot: sync service SDKs (Redash, Slack, Stripe, Twilio) called from async views."""
import os

from quart import Quart, jsonify, request
from redash_toolbelt import Redash
from slack_sdk import WebClient
from stripe import StripeClient
from twilio.rest import Client

app = Quart(__name__)
redash = Redash(os.environ["REDASH_URL"], os.environ["REDASH_KEY"])
slack = WebClient(token=os.environ["SLACK_TOKEN"])
stripe = StripeClient(os.environ["STRIPE_KEY"])
twilio = Client(os.environ["TWILIO_SID"], os.environ["TWILIO_TOKEN"])


@app.get("/sources")
async def sources():
    found = redash.get_data_sources()  # expect: blocking-call-in-async-handler
    return jsonify(found)


@app.post("/query")
async def query():
    body = await request.get_json()
    created = redash.create_query(body["sql"])  # expect: blocking-call-in-async-handler
    # The result is plain data: reading it is no request.
    return jsonify({"id": created.get("id")})


def post_summary(channel: str, text: str) -> None:
    slack.chat_postMessage(channel=channel, text=text)  # expect: blocking-call-in-async-handler


@app.post("/summary")
async def summary():
    body = await request.get_json()
    post_summary(body["channel"], body["text"])  # expect: blocking-call-in-async-handler
    return {"ok": True}


@app.post("/charge")
async def charge():
    body = await request.get_json()
    intent = stripe.payment_intents.create(params={"amount": body["amount"], "currency": "eur"})  # expect: blocking-call-in-async-handler
    twilio.messages.create(to=body["phone"], from_="+15550100", body="paid")  # expect: blocking-call-in-async-handler
    return {"intent": intent.id}
