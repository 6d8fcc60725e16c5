from anthropic import AsyncAnthropic

claude = AsyncAnthropic()


async def translate(text: str, lang: str) -> str:
    msg = await claude.messages.create(model="claude-3-5-haiku-latest", max_tokens=1000, messages=[{"role": "user", "content": f"Translate to {lang}:\n{text}"}])
    return msg.content[0].text


async def proofread(text: str) -> str:
    msg = await claude.messages.create(model="claude-3-5-haiku-latest", max_tokens=1000, messages=[{"role": "user", "content": f"Proofread:\n{text}"}])
    return msg.content[0].text
