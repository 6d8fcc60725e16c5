"""Conversation store on the local disk, and a summarizer that reads it and calls the model."""
import json
from pathlib import Path

import requests
from openai import OpenAI

ROOT = Path("conversations")
sync_llm = OpenAI(timeout=30)


def append_message(chat_id: str, message: dict) -> None:
    with (ROOT / f"{chat_id}.jsonl").open("a") as fh:  # expect: blocking-call-in-async-handler
        fh.write(json.dumps(message) + "\n")


def load_messages(chat_id: str) -> list[dict]:
    text = (ROOT / f"{chat_id}.jsonl").read_text()  # expect: blocking-call-in-async-handler
    return [json.loads(line) for line in text.splitlines()]


def summarize_remote(chat_id: str) -> str:
    # One helper, two kinds of blocking work: the call site carries the LLM finding only.
    shared = requests.get(f"https://share.example.com/chats/{chat_id}", timeout=5).json()  # expect: blocking-call-in-async-handler
    r = sync_llm.chat.completions.create(model="gpt-4o-mini", messages=[{"role": "user", "content": json.dumps(shared)}])  # expect: blocking-llm-call
    return r.choices[0].message.content
