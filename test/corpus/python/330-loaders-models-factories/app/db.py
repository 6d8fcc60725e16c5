"""Supabase access through a connection factory of this module."""
import os

from supabase import Client, create_client


def connect() -> Client:
    client: Client = create_client(os.environ["SUPABASE_URL"], os.environ["SUPABASE_KEY"])
    return client


supabase_client = connect()


def log_usage(tokens: int) -> None:
    supabase_client.table("usage").insert({"tokens": tokens}).execute()  # expect: blocking-call-in-async-handler
