"""The book: records of what happened (made, sold, left on consignment, bought, spent, capital,
hours, orders) and what they add up to — consignment accounts and the period report.

``records`` holds the record models, ``ledger`` the ``Book`` value every report takes (made by
planner/bookfiles.py, the edge that reads the files), ``validate`` what a record must agree
with, ``titip``, ``period``, ``cash`` and ``planned`` the computations. All pure.
"""
