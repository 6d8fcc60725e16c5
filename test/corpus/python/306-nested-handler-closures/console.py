"""Terminal front end: runs the assistant on a loop of its own."""
import asyncio

from chat.assistant import Assistant


def main() -> None:
    asyncio.run(Assistant().repl())


if __name__ == "__main__":
    main()
