"""The parts of the docgen benchmark: content and measuring, the tools timed, the report, issue 9's targets."""
