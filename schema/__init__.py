"""newsbench.schema: label inventories, JSON Schemas and validation of corpus and prediction files."""
