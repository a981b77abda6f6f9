"""Pre-screener for proposals under a call for 行政機関等匿名加工情報.

Standard library only: the same code runs on CPython (command line, build, tests) and in
the browser on Pyodide.
"""
__version__ = "0.1.0"
