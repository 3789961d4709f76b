"""Data contracts: pydantic models, Arrow schemas derived from them, and the codebooks (as data files)."""
