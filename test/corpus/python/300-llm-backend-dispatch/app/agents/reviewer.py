"""Reviews drafts through the backend it is given."""
from app.services.backends import Backend


class Reviewer:
    def __init__(self, backend: Backend) -> None:
        self.backend = backend

    async def review(self, draft: str) -> str:
        return await self.backend.complete(f"Review this draft and list the problems:\n{draft}")
