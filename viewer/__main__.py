import sys

from viewer.launch import main

sys.exit(main())
