"""Sub-commands of ``newsevents``.

Each module has ``register(subparsers)``, which adds its parser and sets ``handler``: a
function ``(args, extra_args) -> exit code``. Add a command by adding its module name here.
"""

COMMAND_MODULES: tuple[str, ...] = ("run", "evaluate", "inspect", "report", "cluster", "stream", "compact")
