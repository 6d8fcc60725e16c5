"""Podcast pipeline: runs ffmpeg and whisper.cpp as child processes, logs to files, and transcribes."""
import asyncio
import json
import subprocess
from pathlib import Path

from fastapi import FastAPI
from openai import AsyncOpenAI

app = FastAPI()
llm = AsyncOpenAI(timeout=60)
LOGS = Path("/var/log/podcast")


@app.post("/convert")
async def convert(src: str, dst: str):
    # The log handle is only given to the child process: ffmpeg writes it, the loop never does.
    with open(LOGS / "ffmpeg.log", "ab") as log:
        proc = await asyncio.create_subprocess_exec("ffmpeg", "-y", "-i", src, dst, stdout=log, stderr=log)
        code = await proc.wait()
    return {"code": code}


@app.post("/transcribe")
async def transcribe(path: str):
    out = open(LOGS / "whisper.out", "w")
    proc = await asyncio.create_subprocess_exec("whisper-cli", "-f", path, stdout=out, stderr=asyncio.subprocess.DEVNULL)
    await proc.wait()
    out.close()
    return {"ok": proc.returncode == 0}


@app.post("/summarize")
async def summarize(episode: str):
    with open(f"transcripts/{episode}.txt") as fh:  # expect: blocking-call-in-async-handler
        text = fh.read()
    r = await llm.chat.completions.create(model="gpt-4o-mini", messages=[{"role": "user", "content": f"Summarize:\n{text}"}])
    return {"summary": r.choices[0].message.content}


@app.post("/probe")
async def probe(path: str):
    # `subprocess.run` waits for ffprobe on the loop.
    result = subprocess.run(["ffprobe", "-print_format", "json", "-show_format", path], capture_output=True)  # expect: blocking-call-in-async-handler
    meta = json.loads(result.stdout)
    with open(LOGS / "probe.jsonl", "a") as fh:  # expect: blocking-call-in-async-handler
        fh.write(json.dumps(meta) + "\n")
    return meta
