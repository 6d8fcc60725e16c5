from llm.router import router


def route_completion(messages: list[dict], **kwargs) -> str:
    resp = router.completion(model="chat", messages=messages, **kwargs)  # expect: blocking-llm-call
    return resp.choices[0].message.content


def rewrite(text: str, style: str) -> str:
    return route_completion([{"role": "user", "content": f"Rewrite in a {style} style:\n{text}"}])


async def rewrite_async(text: str, style: str) -> str:
    resp = await router.acompletion(model="chat", messages=[{"role": "user", "content": f"{style}: {text}"}])
    return resp.choices[0].message.content
