"""Pricing rules the QuickStart sample calls from .NET through the worker pool."""

from decimal import Decimal


def quote(sku, quantity, unit_price):
    """Returns the total for an order line, with a 10% discount from ten items on."""
    total = Decimal(str(unit_price)) * quantity
    if quantity >= 10:
        total *= Decimal("0.9")
    return {"sku": sku, "total": float(round(total, 2))}
