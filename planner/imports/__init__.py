"""Reading other programs' files into a plan (CSV actuals from a CRM)."""
