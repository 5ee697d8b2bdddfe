"""Process data screens: charts of the environment of a batch and of a parameter across batches (PRC-5)."""
