"""The pages generated from the data: guidance, decision table, checklist, training cards, hazard log."""
