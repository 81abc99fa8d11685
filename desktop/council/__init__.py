"""The ward's council (Hội đồng Thi đua - Khen thưởng phường): members per year, meetings, and the
secret ballot on each dossier that moves it to Hội đồng đề nghị or Hội đồng không đề nghị."""
