"""Graph nodes: they call whatever model the context carries."""


async def ask_model(model, prompt: str) -> str:
    reply = await model.ainvoke(prompt)
    return reply.content


async def propose(state: dict, ctx) -> dict:
    text = await ask_model(ctx.model, f"Propose a meeting time for: {state['request']}")
    return {**state, "proposal": text}
