"""Helpers that take a function: one runs it in a thread, one only keeps it for later."""
import asyncio

HOOKS: list = []


async def in_thread(fn, *args):
    return await asyncio.to_thread(fn, *args)


def register(hook) -> None:
    HOOKS.append(hook)


def describe(fn) -> str:
    return getattr(fn, "__name__", "?")
