"""Run DGS Viewer from a source checkout: python main.py [options]."""

import sys

from viewer.launch import main

if __name__ == "__main__":
    sys.exit(main())
