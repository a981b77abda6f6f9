#!/bin/sh
# Print the path of a Python >= 3.12 (pyodide-build needs it), or explain what to install.
for candidate in python3.14 python3.13 python3.12 python3; do
  if command -v "$candidate" >/dev/null 2>&1 &&
     "$candidate" -c 'import sys; sys.exit(sys.version_info < (3, 12))' 2>/dev/null; then
    command -v "$candidate"; exit 0
  fi
done
# pyenv keeps versions out of PATH; look there too.
if command -v pyenv >/dev/null 2>&1; then
  for version in $(pyenv versions --bare 2>/dev/null | sort -rV); do
    candidate="$(pyenv root)/versions/$version/bin/python3"
    if [ -x "$candidate" ] && "$candidate" -c 'import sys; sys.exit(not ((3, 12) <= sys.version_info < (3, 15)))' 2>/dev/null; then
      echo "$candidate"; exit 0
    fi
  done
fi
echo "No Python 3.12 or newer found. Install one (Debian: apt-get install python3.12 python3.12-venv, or pyenv install 3.12) and run make again." >&2
exit 1
