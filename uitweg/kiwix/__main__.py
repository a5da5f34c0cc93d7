from uitweg.kiwix.zim import main

raise SystemExit(main())
