from newsmeta.cli import main

raise SystemExit(main())
