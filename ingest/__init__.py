"""Reading input files into validated articles (pure Python)."""
