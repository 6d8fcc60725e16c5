"""The chat service: an async hop between the worker and the agent (the defect is where the agent enters sync code)."""
from app.agent import Agent


class ChatService:
    def __init__(self) -> None:
        self.agent = Agent()

    async def run_chat(self, prompt: str) -> str:
        answer = await self.agent.flow(prompt)
        return answer.strip()
