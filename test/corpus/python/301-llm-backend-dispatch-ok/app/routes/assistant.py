"""Assistant endpoints: the provider comes from the factory, the notifier is the plain one."""
from fastapi import APIRouter

from app.services.providers import DigestNotifier, Notifier, Provider, get_provider

router = APIRouter(prefix="/assistant")
notifier = Notifier()


class Desk:
    def __init__(self, provider: Provider) -> None:
        self.provider = provider

    async def handle(self, question: str) -> str:
        return await self.provider.answer(question)


desk = Desk(get_provider())


@router.post("/ask")
async def ask(question: str):
    provider = get_provider()
    answer = await provider.answer(question)
    notifier.notify(answer)
    return {"answer": answer}


@router.post("/desk")
async def ask_desk(question: str):
    return {"answer": await desk.handle(question)}


@router.post("/digest")
def digest(text: str):
    # A def route: FastAPI runs it in the threadpool.
    DigestNotifier().notify(text)
    return {"ok": True}
