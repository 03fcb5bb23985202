"""``python -m medreview`` runs the command line."""

from medreview.cli import run

run()
