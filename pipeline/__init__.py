"""Options, the CLI and ``build_pipeline``: the only code that knows about runners."""

from pipeline.logs import quiet_beam_import_warnings

# Filter Beam's harmless import-time warnings before anything imports apache_beam.
quiet_beam_import_warnings()
