"""python -m uitweg.postbuild SITE_DIR"""
import sys

from uitweg.postbuild.run import main

sys.exit(main())
