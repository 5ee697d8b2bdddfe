"""Pure business rules of BatchTrace: entities, state machines and checks, with no I/O."""
