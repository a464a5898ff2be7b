import DocGenCommandLine

DocGenCommand.main()
