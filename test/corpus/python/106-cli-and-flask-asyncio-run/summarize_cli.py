"""Command-line batch summarizer: an async main run by asyncio.run, no server anywhere."""
import argparse
import asyncio
import time

from openai import OpenAI

client = OpenAI(timeout=60)


async def summarize(path: str) -> str:
    with open(path) as fh:
        text = fh.read()
    r = client.chat.completions.create(model="gpt-4o-mini", messages=[{"role": "user", "content": f"Summarize:\n{text}"}])
    time.sleep(0.5)  # stay under the rate limit
    return r.choices[0].message.content


async def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("paths", nargs="+")
    args = parser.parse_args()
    for p in args.paths:
        print(await summarize(p))


if __name__ == "__main__":
    asyncio.run(main())
