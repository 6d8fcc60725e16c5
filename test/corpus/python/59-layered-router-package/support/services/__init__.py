from .tickets import TicketService

__all__ = ["TicketService"]
