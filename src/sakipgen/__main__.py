from sakipgen.cli import main

main()
