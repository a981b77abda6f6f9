"""``python -m proposal_checker check ANSWERS.json`` and ``python -m proposal_checker draft ANSWERS.json --out DIR``."""
import sys

from .cli import main

sys.exit(main())
