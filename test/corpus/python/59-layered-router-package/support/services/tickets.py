from support.llm.complete import complete


class TicketService:
    async def suggest_reply(self, ticket: str) -> str:
        # async def around a sync call: the loop blocks here.
        return complete("You are a support agent.", ticket)  # expect: blocking-llm-call

    async def priority(self, ticket: str) -> str:
        text = complete("Reply with P1, P2 or P3.", ticket)  # expect: blocking-llm-call
        return text.strip()[:2]
