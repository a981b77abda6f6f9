"""``python -m proposal_checker check ANSWERS.json``."""
import sys

from .cli import main

sys.exit(main())
