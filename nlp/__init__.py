"""Language processing: sentence splitting and spaCy annotation (pure Python, no Beam)."""
