"""Chat history in SQLite: one connection and one cursor kept on the manager for the app's lifetime."""
import sqlite3


class Records:
    def __init__(self, path: str):
        self.conn = sqlite3.connect(path, check_same_thread=False)
        self.cursor = self.conn.cursor()

    def history(self, user: str) -> list:
        self.cursor.execute("SELECT role, content FROM messages WHERE user = ?", (user,))
        return self.cursor.fetchall()

    def append(self, user: str, role: str, content: str) -> None:
        self.cursor.execute("INSERT INTO messages VALUES (?, ?, ?)", (user, role, content))
        self.conn.commit()
