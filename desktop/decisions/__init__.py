"""Quyết định khen thưởng: the Tờ trình that ask for them, the decisions (the Chairman's, issued
here; the city's and above, received and recorded), their correction and revocation, the
certificates printed from them and the register of every award (sổ theo dõi khen thưởng)."""
