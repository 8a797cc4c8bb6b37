"""Not used: errors live in the hand-written runtime (``spectrocoin_async._errors``)."""
