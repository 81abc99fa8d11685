"""The council page: Hội đồng TĐKT and the decisions on awards."""
