from uitweg.materials.build import main

raise SystemExit(main())
