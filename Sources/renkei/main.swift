internal import RenkeiCLI

await RenkeiCommand.start()
