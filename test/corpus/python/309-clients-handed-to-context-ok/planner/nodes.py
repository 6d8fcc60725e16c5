"""Graph nodes: they call whatever model the context carries."""


async def ask_model(model, prompt: str) -> str:
    reply = await model.ainvoke(prompt)
    return reply.content


async def propose(state: dict, ctx) -> dict:
    text = await ask_model(ctx.model, f"Propose a meeting time for: {state['request']}")
    return {**state, "proposal": text}


def summarize(client, text: str) -> str:
    # Every call through the client it is given sets its own timeout.
    out = client.chat.completions.create(model="gpt-4o-mini", messages=[{"role": "user", "content": text}], timeout=20)
    return out.choices[0].message.content or ""
