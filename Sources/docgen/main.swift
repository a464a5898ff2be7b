import DocGenCommandLine

await DocGenCommand.start()
