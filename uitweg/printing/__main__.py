from uitweg.printing.build import main

raise SystemExit(main())
