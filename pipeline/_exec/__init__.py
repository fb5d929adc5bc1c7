"""One module per external program: version probe, invocation, error translation."""
