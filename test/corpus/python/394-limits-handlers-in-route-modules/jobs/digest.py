"""Weekly digest, run by cron as a script: no server in front of it."""
import asyncio

from app.services.llm import weekly_digest


async def main() -> None:
    print(await weekly_digest(["Launch", "Pricing update"]))


if __name__ == "__main__":
    asyncio.run(main())
